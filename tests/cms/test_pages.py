import re
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from django.template.loader import render_to_string
from django.utils import translation
from PIL import Image as PillowImage
from wagtail.images.models import Image

from cms.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def _html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def test_home_page_is_vietnamese_at_the_root(demo_site, client):
    html = client.get("/").content.decode()

    assert _html_lang(html) == "vi"
    assert "Kết nối Nhà nước – Nhà trường – Nhà doanh nghiệp" in html
    assert "Chương trình đô thị thông minh Bình Dương" in html
    # Menu pages of the Vietnamese tree, and the templates' own strings in Vietnamese.
    assert 'href="/gioi-thieu/"' in html
    assert ">Tổ chức</a>" in html
    assert "Chuyển đến nội dung chính" in html


def test_home_page_is_english_under_en(demo_site, client):
    html = client.get("/en/").content.decode()

    assert _html_lang(html) == "en"
    assert "Connecting government, universities and business" in html
    assert "The Bình Dương smart-city programme" in html
    assert 'href="/en/about/"' in html
    assert ">Organisations</a>" in html
    assert "Skip to main content" in html


def test_call_to_action_links_to_the_page_in_the_readers_language(demo_site, client):
    html = client.get("/en/").content.decode()

    assert 'href="/en/how-matching-works/"' in html
    assert "See how matching works" in html


def _demo_image(tmp_path, settings) -> Image:
    settings.MEDIA_ROOT = str(tmp_path)
    buffer = BytesIO()
    PillowImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return Image.objects.create(
        title="Smart-city lab", description="Engineers testing a sensor", file=ImageFile(buffer, name="lab.png")
    )


def test_standard_page_renders_every_block(demo_site, client, tmp_path, settings):
    home = HomePage.objects.get(locale__language_code="vi")
    target = StandardPage.objects.get(slug="quyen-rieng-tu")
    image = _demo_image(tmp_path, settings)
    page = StandardPage(
        title="Khối nội dung",
        slug="khoi-noi-dung",
        intro="Một trang thử tất cả các khối.",
        body=[
            {"type": "heading", "value": {"text": "Tiêu đề mục", "level": "h2"}},
            {"type": "heading", "value": {"text": "Tiêu đề phụ", "level": "h3"}},
            {"type": "paragraph", "value": "<p>Đoạn văn <b>đậm</b>.</p>"},
            {"type": "image", "value": {"image": image.pk, "caption": "Phòng thí nghiệm"}},
            {"type": "quote", "value": {"text": "Ba nhà cùng xây.", "attribution": "Ban điều phối"}},
            {
                "type": "call_to_action",
                "value": {
                    "text": "Đọc chính sách",
                    "button_label": "Quyền riêng tư",
                    "page": target.pk,
                    "link_url": "",
                },
            },
            {
                "type": "call_to_action",
                "value": {"text": "Mã nguồn", "button_label": "Xem", "page": None, "link_url": "https://example.org/"},
            },
            {
                "type": "cards",
                "value": {"cards": [{"title": "Thẻ một", "text": "Nội dung thẻ", "page": None, "link_url": ""}]},
            },
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()

    response = client.get("/khoi-noi-dung/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Khối nội dung</h1>" in html
    assert '<h2 class="block-heading">Tiêu đề mục</h2>' in html
    assert '<h3 class="block-heading">Tiêu đề phụ</h3>' in html
    assert "<p>Đoạn văn <b>đậm</b>.</p>" in html
    assert re.search(r'<img alt="Engineers testing a sensor"[^>]+src="/media/images/lab', html)
    assert "<figcaption>Phòng thí nghiệm</figcaption>" in html
    assert "Ba nhà cùng xây." in html and "— Ban điều phối" in html
    assert '<a class="button" href="/quyen-rieng-tu/">Quyền riêng tư</a>' in html
    assert '<a class="button" href="https://example.org/">Xem</a>' in html
    assert "Thẻ một" in html


def test_call_to_action_needs_exactly_one_target(demo_site):
    from django.core.exceptions import ValidationError

    from cms.blocks import CallToActionBlock

    block = CallToActionBlock()
    page = StandardPage.objects.first()
    for target, url in [(None, ""), (page.pk, "https://example.org/")]:
        value = block.to_python({"text": "t", "button_label": "b", "page": target, "link_url": url})
        with pytest.raises(ValidationError):
            block.clean(value)
    valid = block.to_python({"text": "t", "button_label": "b", "page": page.pk, "link_url": ""})
    assert block.clean(valid)["page"].pk == page.pk


def test_menu_lists_only_pages_marked_for_menus_in_the_current_language(demo_site, client):
    home = HomePage.objects.get(locale__language_code="vi")
    home.add_child(instance=StandardPage(title="Trang ẩn", slug="trang-an", show_in_menus=False))

    vietnamese = client.get("/").content.decode()
    english = client.get("/en/").content.decode()

    assert "Trang ẩn" not in vietnamese
    assert "Giới thiệu" in vietnamese and "About Helix" not in vietnamese
    assert "About Helix" in english and "Giới thiệu" not in english


def test_footer_text_follows_the_language(demo_site, client):
    assert "cổng kết nối Nhà nước" in client.get("/").content.decode()
    assert "the portal connecting government" in client.get("/en/").content.decode()


def test_not_found_page_is_in_the_language_of_the_address(demo_site, client):
    vietnamese = client.get("/khong-co-trang-nay/")
    english = client.get("/en/no-such-page/")

    assert vietnamese.status_code == english.status_code == 404
    assert _html_lang(vietnamese.content.decode()) == "vi"
    assert "Không tìm thấy trang" in vietnamese.content.decode()
    assert _html_lang(english.content.decode()) == "en"
    assert "Page not found" in english.content.decode()


def test_server_error_page_renders_without_a_request():
    with translation.override("en"):
        html = render_to_string("500.html")

    assert _html_lang(html) == "en"
    assert "Something went wrong on our side" in html


def test_pages_link_to_their_translations(demo_site, client, settings):
    html = client.get("/gioi-thieu/").content.decode()

    # Absolute at the portal's public address: seed_demo puts SITE_URL on Wagtail's site.
    assert f'<link rel="alternate" hreflang="en" href="{settings.SITE_URL}/en/about/">' in html
