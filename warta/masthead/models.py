"""The masthead: what a site says about itself (name, logo, dateline, time zone)
and the page with its media guideline and newsroom contacts."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from warta.masthead.zones import ZONE_CHOICES, IndonesianZone


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    site_name = models.CharField("nama situs", max_length=100, default="Warta Nusantara")
    logo_text = models.CharField(
        "teks logo",
        max_length=40,
        blank=True,
        help_text="Teks yang tampil sebagai logo bila tidak ada gambar logo.",
    )
    tagline = models.CharField("slogan", max_length=160, blank=True)
    dateline = models.CharField(
        "dateline",
        max_length=60,
        blank=True,
        help_text="Pembuka paragraf pertama setiap berita, mis. 'Warta Nusantara'. "
        "Bisa diganti per artikel.",
    )
    time_zone = models.CharField(
        "zona waktu",
        max_length=4,
        choices=ZONE_CHOICES,
        default=IndonesianZone.WIB.value,
    )
    logo = models.ForeignKey(
        "images.WartaImage",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("site_name"),
        FieldPanel("logo_text"),
        FieldPanel("tagline"),
        FieldPanel("logo"),
        FieldPanel("dateline"),
        FieldPanel("time_zone"),
    ]

    class Meta:
        verbose_name = "pengaturan situs"

    @property
    def display_logo_text(self):
        return self.logo_text or self.site_name

    @property
    def zone(self) -> "IndonesianZone":
        return IndonesianZone(self.time_zone)


# The guideline page lives at this slug under the home page; the footer links to
# its fixed path so that no page needs a query to find it.
GUIDELINE_SLUG = "pedoman-media-siber"
GUIDELINE_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class GuidelinePage(Page):
    """The Pedoman Pemberitaan Media Siber as the newsroom applies it, and how to
    reach the newsroom. The press council's guideline asks every site to publish
    both; only Redaktur may edit it (page-type gate, ``warta.users.permissions``)."""

    body = RichTextField("isi", features=GUIDELINE_FEATURES)
    newsroom_address = models.TextField("alamat redaksi", max_length=400)
    newsroom_email = models.EmailField("email redaksi")
    phone = models.CharField("telepon", max_length=40)
    person_in_charge = models.CharField(
        "penanggung jawab",
        max_length=120,
        help_text="Pemimpin redaksi atau penanggung jawab yang dapat dihubungi pembaca.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("newsroom_address"),
                FieldPanel("newsroom_email"),
                FieldPanel("phone"),
                FieldPanel("person_in_charge"),
            ],
            heading="Kontak redaksi",
        ),
    ]

    max_count = 1
    parent_page_types = ["frontpage.HomePage"]
    subpage_types: list[str] = []
    template = "pages/guideline_page.html"

    class Meta:
        verbose_name = "pedoman media siber"
        verbose_name_plural = "pedoman media siber"
