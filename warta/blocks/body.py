"""The StreamField blocks an article body is written with.

Kept in one place, with no models, so every page type that carries editorial text
offers the same blocks and the same templates (``templates/blocks/``).
"""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="judul bagian", max_length=200)

    class Meta:
        icon = "title"
        label = "Subjudul"
        template = "blocks/heading.html"


class BodyImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="gambar")
    caption = blocks.CharBlock(
        label="keterangan", required=False, help_text="Kosongkan untuk memakai keterangan gambar."
    )
    credit = blocks.CharBlock(
        label="kredit", required=False, help_text="Kosongkan untuk memakai kredit gambar."
    )

    class Meta:
        icon = "image"
        label = "Gambar"
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="kutipan")
    attribution = blocks.CharBlock(label="sumber kutipan", required=False)

    class Meta:
        icon = "openquote"
        label = "Kutipan"
        template = "blocks/quote.html"


class ReadAlsoBlock(blocks.StructBlock):
    """'Baca Juga': a link to another article, set inside the body."""

    article = blocks.PageChooserBlock(label="artikel", page_type="articles.ArticlePage")
    label = blocks.CharBlock(label="label", default="Baca Juga", max_length=40)

    class Meta:
        icon = "link"
        label = "Baca Juga"
        template = "blocks/read_also.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label="Paragraf", features=PARAGRAPH_FEATURES, template="blocks/paragraph.html"
    )
    heading = HeadingBlock()
    image = BodyImageBlock()
    quote = QuoteBlock()
    read_also = ReadAlsoBlock()
