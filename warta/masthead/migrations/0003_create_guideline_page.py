"""Create the "Pedoman Media Siber" page under the home page, with our own summary of
the press council's guideline and placeholder contacts for the newsroom to replace."""

from django.db import migrations
from django.utils import timezone

SLUG = "pedoman-media-siber"
TITLE = "Pedoman Media Siber"

BODY = """\
<p>Redaksi kami berpegang pada Kode Etik Jurnalistik dan Pedoman Pemberitaan Media Siber \
yang disusun Dewan Pers bersama komunitas pers. Berikut ringkasan cara kami menerapkannya \
di situs ini. Ringkasan ini bukan pengganti naskah resmi pedoman tersebut.</p>
<h2>Verifikasi dan keberimbangan</h2>
<p>Setiap berita kami periksa kebenarannya dan kami beri ruang bagi pihak yang diberitakan. \
Bila sebuah berita harus segera dimuat sebelum semua pihak dapat dikonfirmasi, berita itu \
kami tandai <i>belum terverifikasi</i> dan kami lanjutkan dengan berita hasil verifikasi \
yang ditautkan dari berita semula.</p>
<h2>Ralat, koreksi dan hak jawab</h2>
<p>Kesalahan kami perbaiki secara terbuka: ralat dimuat pada berita yang bersangkutan \
lengkap dengan waktunya, dan dicantumkan pada daftar ralat. Orang atau lembaga yang merasa \
dirugikan oleh pemberitaan dapat mengirim hak jawab melalui tautan yang ada di setiap \
berita; hak jawab yang dimuat ditautkan dengan berita asalnya.</p>
<h2>Pencabutan berita</h2>
<p>Berita yang sudah tayang tidak kami hapus diam-diam. Pencabutan hanya dilakukan karena \
alasan yang dibenarkan pedoman, seperti menyangkut SARA, kesusilaan, masa depan anak, \
pengalaman traumatik korban, atau keputusan Dewan Pers, dan alamat berita tersebut \
menampilkan pemberitahuan beserta alasannya.</p>
<h2>Iklan dan sumber berita</h2>
<p>Konten berbayar diberi label <b>Advertorial</b> agar mudah dibedakan dari berita. \
Berita yang kami muat ulang dari media lain selalu menyebut dan menautkan sumber aslinya.</p>
<h2>Konten dari pengguna</h2>
<p>Konten kiriman pembaca yang memuat kebohongan, fitnah, kebencian berdasarkan SARA, \
pornografi atau kekerasan akan kami hapus, dan pengirimnya bertanggung jawab atas isinya.</p>
<h2>Sengketa</h2>
<p>Bila ada keberatan atas pemberitaan kami, silakan hubungi redaksi melalui kontak di \
halaman ini. Sengketa yang tidak selesai di redaksi dapat diadukan ke Dewan Pers.</p>
"""

CONTACTS = {
    "newsroom_address": "Jalan Contoh No. 1, Jakarta 10110 (ganti dengan alamat redaksi)",
    "newsroom_email": "redaksi@example.com",
    "phone": "+62 21 0000 0000",
    "person_in_charge": "Pemimpin Redaksi (isi nama penanggung jawab)",
}

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path alphabet (Wagtail)


def _next_child_path(Page, parent) -> str:
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = int(last[-4:], 36) + 1 if last else 1
    step = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        step = _ALPHABET[digit] + step
    return parent.path + step


def create_guideline_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("frontpage.HomePage")
    GuidelinePage = apps.get_model("masthead.GuidelinePage")

    home = HomePage.objects.order_by("path").first()
    if home is None or GuidelinePage.objects.exists():
        return
    if Page.objects.filter(path__startswith=home.path, depth=home.depth + 1, slug=SLUG).exists():
        return  # the newsroom already has a page there; leave it alone
    content_type, _ = ContentType.objects.get_or_create(app_label="masthead", model="guidelinepage")
    GuidelinePage.objects.create(
        title=TITLE,
        draft_title=TITLE,
        slug=SLUG,
        content_type=content_type,
        path=_next_child_path(Page, home),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{SLUG}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=timezone.now(),
        last_published_at=timezone.now(),
        locale_id=home.locale_id,
        search_description="Cara redaksi menerapkan Pedoman Pemberitaan Media Siber, "
        "dan kontak redaksi.",
        body=BODY,
        **CONTACTS,
    )
    Page.objects.filter(pk=home.pk).update(
        numchild=Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
    )


def remove_guideline_page(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    for page in apps.get_model("masthead.GuidelinePage").objects.filter(slug=SLUG):
        parent_path, depth = page.path[:-4], page.depth - 1
        page.delete()
        Page.objects.filter(path=parent_path).update(
            numchild=Page.objects.filter(path__startswith=parent_path, depth=depth + 1).count()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("masthead", "0002_guideline_page"),
        ("frontpage", "0002_create_homepage"),
    ]
    operations = [migrations.RunPython(create_guideline_page, remove_guideline_page)]
