"""StreamField blocks shared by the CMS pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

# Editors get a short, safe list: no raw HTML, no embeds, headings come from HeadingBlock so the
# document outline stays under the page's control.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "hr"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("The page title is the only top-level heading, so sections start at level 2."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "cms/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"


class LinkStructValue(blocks.StructValue):
    def url(self) -> str:
        """Return the chosen page's URL, or the external URL when no page was chosen."""
        page = self.get("page")
        if page:
            return page.localized.url or ""
        return self.get("link_url") or ""


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=300)
    button_label = blocks.CharBlock(label=_("button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    link_url = blocks.URLBlock(label=_("or an external URL"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "cms/blocks/call_to_action.html"
        value_class = LinkStructValue

    def clean(self, value):
        value = super().clean(value)
        # Exactly one target: a button that goes nowhere, or to two places, is an editing mistake.
        if bool(value.get("page")) == bool(value.get("link_url")):
            message = _("Choose a page or enter an external URL (one of the two).")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "link_url": ValidationError(message)}
            )
        return value


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"))
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    link_url = blocks.URLBlock(label=_("or an external URL"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Card")
        value_class = LinkStructValue


class CardGridBlock(blocks.StructBlock):
    cards = blocks.ListBlock(CardBlock(), label=_("cards"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = _("Cards")
        template = "cms/blocks/card_grid.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    cards = CardGridBlock()
