"""Bilingual text of the demo site pages (used by `seed_demo`).

The organisations and programme described here are illustrative: no real people, figures or
decisions. Bodies are StreamField data in Wagtail's JSON form; `page_id(key)` returns the id of
another demo page so calls to action can point at it.
"""

from collections.abc import Callable

PageIdLookup = Callable[[str], int]


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def quote(text: str, attribution: str = "") -> dict:
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def call_to_action(text: str, button_label: str, page_id: int) -> dict:
    return {
        "type": "call_to_action",
        "value": {"text": text, "button_label": button_label, "page": page_id, "link_url": ""},
    }


def cards(*items: tuple[str, str]) -> dict:
    return {
        "type": "cards",
        "value": {"cards": [{"title": title, "text": text, "page": None, "link_url": ""} for title, text in items]},
    }


# --- Home page ---------------------------------------------------------------------------------

HOME = {
    "vi": {
        "title": "Trang chủ",
        "slug": "trang-chu",
        "hero_title": "Kết nối Nhà nước – Nhà trường – Nhà doanh nghiệp",
        "intro": (
            "<p>Helix là cổng thông tin của hệ sinh thái đổi mới sáng tạo vùng: cơ quan nhà nước công bố "
            "chương trình và bài toán đặt hàng, trường đại học và viện nghiên cứu giới thiệu năng lực, doanh "
            "nghiệp nêu nhu cầu công nghệ — và mỗi bên được gợi ý đúng đối tác.</p>"
        ),
    },
    "en": {
        "title": "Home",
        "slug": "home",
        "hero_title": "Connecting government, universities and business",
        "intro": (
            "<p>Helix is the portal of a regional innovation ecosystem: government agencies publish programmes "
            "and challenges, universities and research institutes show what they can do, businesses describe the "
            "technology they need — and each is pointed to the right partners.</p>"
        ),
    },
}


def home_body(language: str, page_id: PageIdLookup) -> list[dict]:
    if language == "vi":
        return [
            heading("Mô hình Ba Nhà"),
            cards(
                (
                    "Nhà nước",
                    "Sở, ban, ngành công bố chương trình hỗ trợ, quỹ và các bài toán đặt hàng của đô thị thông "
                    "minh, rồi theo dõi đề xuất và kết quả ở cùng một nơi.",
                ),
                (
                    "Nhà trường",
                    "Trường đại học và viện nghiên cứu giới thiệu phòng thí nghiệm, chuyên gia và hướng nghiên cứu "
                    "sẵn sàng hợp tác với doanh nghiệp.",
                ),
                (
                    "Nhà doanh nghiệp",
                    "Startup, doanh nghiệp nhỏ và vừa, tập đoàn đăng nhu cầu đổi mới và tìm chuyên gia, cố vấn, "
                    "nguồn vốn phù hợp.",
                ),
            ),
            heading("Chương trình đô thị thông minh Bình Dương"),
            paragraph(
                "<p>Bản triển khai đầu tiên của Helix phục vụ chương trình thành phố thông minh của Bình Dương (nay "
                "thuộc Thành phố Hồ Chí Minh), nơi khu công nghiệp, trường đại học và chính quyền địa phương đã "
                "cùng nhau thử nghiệm mô hình Ba Nhà trong nhiều năm. Chương trình ưu tiên giao thông và logistics, "
                "năng lượng sạch, sản xuất thông minh, nông nghiệp công nghệ cao và dịch vụ công số.</p>"
                "<p><i>Các tổ chức và số liệu trên trang demo này là hư cấu, chỉ dùng để minh hoạ.</i></p>"
            ),
            call_to_action("Helix gợi ý đối tác như thế nào?", "Xem cách kết nối hoạt động", page_id("matching")),
        ]
    return [
        heading("The triple helix"),
        cards(
            (
                "Government",
                "Departments and agencies publish support programmes, funds and smart-city challenges, then follow "
                "proposals and results in one place.",
            ),
            (
                "Universities and research",
                "Universities and research institutes present the laboratories, experts and research lines that are "
                "ready to work with industry.",
            ),
            (
                "Business",
                "Startups, SMEs and large companies post their innovation needs and find experts, mentors and "
                "funding that fit.",
            ),
        ),
        heading("The Bình Dương smart-city programme"),
        paragraph(
            "<p>Helix is first deployed for the smart-city programme of Bình Dương (now part of Ho Chi Minh City), "
            "where industrial parks, universities and the local government have been trying out the triple-helix "
            "model together for years. The programme focuses on transport and logistics, clean energy, smart "
            "manufacturing, high-tech agriculture and digital public services.</p>"
            "<p><i>The organisations and figures on this demo site are fictional and only illustrate the idea.</i></p>"
        ),
        call_to_action("How does Helix suggest partners?", "See how matching works", page_id("matching")),
    ]


# --- Standard pages, in menu order -------------------------------------------------------------

STANDARD_PAGES = {
    "about": {
        "vi": {
            "title": "Giới thiệu",
            "slug": "gioi-thieu",
            "intro": "Helix giúp ba nhà của hệ sinh thái đổi mới sáng tạo tìm thấy nhau nhanh hơn, dựa trên thông tin "
            "công khai và đã được xác minh.",
        },
        "en": {
            "title": "About Helix",
            "slug": "about",
            "intro": "Helix helps the three partners of an innovation ecosystem find each other faster, using public "
            "and verified information.",
        },
    },
    "matching": {
        "vi": {
            "title": "Cách kết nối hoạt động",
            "slug": "cach-ket-noi-hoat-dong",
            "intro": "Helix gợi ý đối tác bằng cách so khớp nhu cầu với năng lực — và luôn cho bạn biết vì sao.",
        },
        "en": {
            "title": "How matching works",
            "slug": "how-matching-works",
            "intro": "Helix suggests partners by matching needs with capabilities — and always tells you why.",
        },
    },
    "privacy": {
        "vi": {
            "title": "Quyền riêng tư",
            "slug": "quyen-rieng-tu",
            "intro": "Chúng tôi chỉ lưu những gì cần để kết nối bạn với đối tác, và bạn luôn có thể tải về hoặc xoá "
            "dữ liệu của mình.",
        },
        "en": {
            "title": "Privacy",
            "slug": "privacy",
            "intro": "We keep only what is needed to connect you with partners, and you can always download or "
            "delete your data.",
        },
    },
}


def _about_body(language: str, page_id: PageIdLookup) -> list[dict]:
    if language == "vi":
        return [
            heading("Vì sao có Helix"),
            paragraph(
                "<p>Ở nhiều địa phương, thông tin về năng lực nghiên cứu, nhu cầu của doanh nghiệp và các chương "
                "trình hỗ trợ của nhà nước nằm rải rác trong bảng tính, e-mail và kỷ yếu hội thảo. Doanh nghiệp "
                "không biết phòng thí nghiệm nào có thể thử nghiệm sản phẩm của mình; nhà khoa học không biết bài "
                "toán thực tế nào đang chờ lời giải; cán bộ quản lý khó theo dõi kết quả của từng chương trình.</p>"
                "<p>Helix gom các thông tin đó vào một nơi, với cấu trúc chung cho cả ba nhà, để việc tìm đối tác "
                "không còn phụ thuộc vào việc “quen ai”.</p>"
            ),
            heading("Mô hình Ba Nhà"),
            paragraph(
                "<p>Mô hình Triple Helix mô tả đổi mới sáng tạo như kết quả của sự tương tác giữa nhà nước, giới "
                "học thuật và doanh nghiệp. Ở Việt Nam, mô hình này quen thuộc với tên gọi “Ba Nhà”: Nhà nước – "
                "Nhà trường – Nhà doanh nghiệp. Mỗi nhà giữ vai trò riêng, nhưng giá trị lớn nhất đến từ những dự "
                "án mà cả ba cùng tham gia.</p>"
                "<ul><li><b>Nhà nước</b> tạo khung chính sách, đặt hàng các bài toán của đô thị và đồng tài trợ "
                "thử nghiệm.</li>"
                "<li><b>Nhà trường</b> — trường đại học, viện nghiên cứu — đóng góp tri thức, chuyên gia, phòng thí "
                "nghiệm và nguồn nhân lực.</li>"
                "<li><b>Nhà doanh nghiệp</b> đưa giải pháp ra thị trường, đầu tư và tạo việc làm.</li></ul>"
            ),
            quote(
                "Một thành phố thông minh không do một nhà xây nên. Nó lớn lên ở nơi ba nhà gặp nhau.",
                "Tinh thần của chương trình đô thị thông minh Bình Dương",
            ),
            heading("Ai vận hành Helix"),
            paragraph(
                "<p>Helix là phần mềm mã nguồn mở. Bản triển khai này do ban điều phối chương trình đô thị thông "
                "minh vận hành. Mỗi tổ chức tự quản lý hồ sơ của mình; người kiểm duyệt của nền tảng xác minh rằng "
                "tổ chức là có thật trước khi gắn nhãn “Đã xác minh”.</p>"
            ),
        ]
    return [
        heading("Why Helix"),
        paragraph(
            "<p>In many provinces, what researchers can do, what companies need and which public programmes can "
            "help is scattered across spreadsheets, e-mail threads and conference proceedings. A company does not "
            "know which laboratory could test its product; a researcher does not know which real problem is "
            "waiting for a solution; a programme officer struggles to follow what each programme achieved.</p>"
            "<p>Helix brings that information into one place, with a shared structure for all three partners, so "
            "finding a partner no longer depends on whom you happen to know.</p>"
        ),
        heading("The triple helix"),
        paragraph(
            "<p>The triple-helix model describes innovation as the result of interaction between government, "
            "academia and industry. In Vietnam it is known as “Ba Nhà” — the three houses: Nhà nước (the state), "
            "Nhà trường (universities) and Nhà doanh nghiệp (businesses). Each has its own role, but the most value "
            "comes from projects in which all three take part.</p>"
            "<ul><li><b>Government</b> sets the policy framework, commissions solutions to city challenges and "
            "co-funds pilots.</li>"
            "<li><b>Universities and research institutes</b> bring knowledge, experts, laboratories and "
            "skilled graduates.</li>"
            "<li><b>Businesses</b> take solutions to market, invest and create jobs.</li></ul>"
        ),
        quote(
            "A smart city is not built by one house. It grows where the three houses meet.",
            "The spirit of the Bình Dương smart-city programme",
        ),
        heading("Who runs Helix"),
        paragraph(
            "<p>Helix is open-source software. This deployment is run by the coordination office of the smart-city "
            "programme. Each organisation manages its own profile; the platform's moderators check that an "
            "organisation is real before it gets the “Verified” badge.</p>"
        ),
    ]


def _matching_body(language: str, page_id: PageIdLookup) -> list[dict]:
    if language == "vi":
        return [
            heading("Từ nhu cầu đến đối tác"),
            paragraph(
                "<p>Mỗi tổ chức trên Helix mô tả hai loại thông tin: những gì mình <b>có thể làm</b> (năng lực, "
                "chuyên gia, thiết bị, chương trình cố vấn) và những gì mình <b>đang cần</b> (bài toán công nghệ, "
                "đối tác thử nghiệm, nguồn vốn). Hệ thống gợi ý đọc các mô tả đó cùng lĩnh vực, công nghệ và địa "
                "bàn, rồi đề xuất những cặp có khả năng hợp tác cao nhất.</p>"
            ),
            heading("Ba bước", "h3"),
            paragraph(
                "<ol><li><b>Mô tả.</b> Tổ chức của bạn đăng năng lực hoặc nhu cầu bằng tiếng Việt hoặc tiếng Anh "
                "và chọn lĩnh vực, công nghệ liên quan.</li>"
                "<li><b>Gợi ý.</b> Helix xếp hạng các đối tác tiềm năng và giải thích lý do: lĩnh vực trùng khớp, "
                "từ khoá chung, kinh nghiệm với những chương trình tương tự.</li>"
                "<li><b>Kết nối.</b> Bạn quyết định liên hệ với ai. Phản hồi “phù hợp” hay “không phù hợp” của bạn "
                "giúp các gợi ý sau tốt hơn.</li></ol>"
            ),
            heading("Nguyên tắc"),
            paragraph(
                "<ul><li>Gợi ý chỉ dựa trên thông tin mà các tổ chức đã công khai trên Helix.</li>"
                "<li>Helix không ra quyết định thay con người: cấp vốn, tuyển chọn hay ký kết luôn do các bên tự "
                "quyết định.</li>"
                "<li>Mỗi gợi ý đều kèm lý do, để bạn kiểm tra được và báo lại khi gợi ý chưa đúng.</li>"
                "<li>Chất lượng gợi ý được đo định kỳ trên một bộ dữ liệu kiểm thử công khai.</li></ul>"
            ),
            call_to_action("Muốn hiểu thêm về mô hình Ba Nhà?", "Giới thiệu Helix", page_id("about")),
        ]
    return [
        heading("From a need to a partner"),
        paragraph(
            "<p>Every organisation on Helix describes two kinds of things: what it <b>can do</b> (capabilities, "
            "experts, equipment, mentoring) and what it <b>needs</b> (technology challenges, pilot partners, "
            "funding). The recommender reads those descriptions together with sectors, technologies and location, "
            "and suggests the pairs most likely to work well together.</p>"
        ),
        heading("Three steps", "h3"),
        paragraph(
            "<ol><li><b>Describe.</b> Your organisation posts a capability or a need, in Vietnamese or English, and "
            "picks the sectors and technologies involved.</li>"
            "<li><b>Get suggestions.</b> Helix ranks potential partners and explains why: shared sectors, common "
            "keywords, experience with similar programmes.</li>"
            "<li><b>Connect.</b> You decide whom to contact. Marking a suggestion as a good or poor fit improves "
            "the next ones.</li></ol>"
        ),
        heading("Principles"),
        paragraph(
            "<ul><li>Suggestions use only what organisations have made public on Helix.</li>"
            "<li>Helix does not decide for people: funding, selection and agreements are always the parties' own "
            "decisions.</li>"
            "<li>Every suggestion comes with its reasons, so you can check it and tell us when it is wrong.</li>"
            "<li>Suggestion quality is measured regularly against a public test data set.</li></ul>"
        ),
        call_to_action("Want to know more about the triple helix?", "About Helix", page_id("about")),
    ]


def _privacy_body(language: str, page_id: PageIdLookup) -> list[dict]:
    if language == "vi":
        return [
            heading("Chúng tôi lưu những gì"),
            paragraph(
                "<ul><li><b>Tài khoản:</b> địa chỉ e-mail, tên hiển thị, ngôn ngữ ưa thích và mật khẩu đã được băm "
                "một chiều (chúng tôi không đọc được mật khẩu của bạn).</li>"
                "<li><b>Tổ chức và vai trò:</b> bạn thuộc tổ chức nào, với vai trò chủ sở hữu, quản trị viên hay "
                "thành viên.</li>"
                "<li><b>Nội dung bạn đăng:</b> hồ sơ tổ chức, năng lực, đề nghị cố vấn, nhu cầu, các đề nghị giới "
                "thiệu cùng lời nhắn kèm theo, tìm kiếm đã lưu và phản hồi về các gợi ý.</li>"
                "<li><b>Thông báo:</b> thiết lập nhận e-mail, các thông báo và e-mail chúng tôi đã gửi bạn.</li>"
                "<li><b>Thông tin bảo mật:</b> thiết lập xác thực hai lớp và các lần đăng nhập, để bảo vệ tài khoản "
                "của bạn.</li></ul>"
            ),
            heading("Ai nhìn thấy dữ liệu"),
            paragraph(
                "<p>Hồ sơ của tổ chức ở chế độ công khai hiển thị cho mọi người. Địa chỉ e-mail cá nhân của bạn "
                "không bao giờ được hiển thị công khai: một thành viên khác chỉ thấy nó sau khi bạn và họ đã chấp "
                "nhận một đề nghị giới thiệu (hoặc khi nhóm cố vấn do cán bộ chương trình lập ghép cặp hai bên). "
                "Những người còn lại thấy địa chỉ liên hệ chung của tổ chức, nếu tổ chức công bố, và có thể gửi đề "
                "nghị giới thiệu. Chủ sở hữu, quản trị viên của tổ chức bạn tham gia và người kiểm duyệt của nền "
                "tảng cũng thấy được địa chỉ của bạn.</p>"
            ),
            heading("Quyền của bạn"),
            paragraph(
                "<p>Theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, bạn có quyền nhận dữ liệu cá nhân mà "
                "chúng tôi lưu về bạn. Trong mục <b>Tài khoản của tôi</b>, bạn có thể tải toàn bộ dữ liệu đó: tài "
                "khoản, tổ chức, hồ sơ, năng lực, đề nghị cố vấn, nhu cầu, các đề nghị giới thiệu và lời nhắn, những "
                "gì bạn đã làm với các gợi ý, tìm kiếm đã lưu, thông báo và e-mail đã gửi, phiên đăng nhập và trạng "
                "thái xác thực hai lớp (không bao giờ kèm mã bí mật). Dữ liệu được tải về dưới dạng tệp JSON, hoặc "
                "tệp zip kèm cả các tệp bạn đã tải lên.</p>"
                "<p>Bạn cũng có thể xoá tài khoản. Khi xoá tài khoản, thông tin cá nhân của bạn bị xoá; nội dung đã "
                "đăng thay mặt tổ chức vẫn thuộc về tổ chức đó.</p>"
                "<p><i>Đây là nội dung minh hoạ của bản demo; đơn vị vận hành cần thay bằng chính sách bảo vệ dữ "
                "liệu cá nhân chính thức.</i></p>"
            ),
            call_to_action("Có câu hỏi về cách Helix dùng dữ liệu?", "Cách kết nối hoạt động", page_id("matching")),
        ]
    return [
        heading("What we keep"),
        paragraph(
            "<ul><li><b>Your account:</b> e-mail address, display name, preferred language and a one-way hash of "
            "your password (we cannot read your password).</li>"
            "<li><b>Organisations and roles:</b> which organisations you belong to, as owner, administrator or "
            "member.</li>"
            "<li><b>What you post:</b> organisation profiles, capabilities, mentor offers, needs, introduction "
            "requests and their messages, saved searches and feedback on suggestions.</li>"
            "<li><b>Notifications:</b> your e-mail settings, and the notifications and e-mails we sent you.</li>"
            "<li><b>Security information:</b> your two-factor set-up and sign-ins, to protect your account.</li></ul>"
        ),
        heading("Who sees it"),
        paragraph(
            "<p>Public organisation profiles are visible to everyone. Your personal e-mail address is never shown "
            "publicly: another member sees it only once an introduction between you has been accepted (or an "
            "officer's mentoring cohort has paired you). Everyone else sees your organisation's contact address, "
            "if it published one, and can request an introduction. The owners and administrators of organisations "
            "you belong to, and the platform's moderators, can also see your address.</p>"
        ),
        heading("Your rights"),
        paragraph(
            "<p>Vietnam's Decree 13/2023/NĐ-CP on personal data protection gives you the right to get the personal "
            "data we keep about you. Under <b>My account</b> you can download all of it: your account, "
            "organisations, profiles, capabilities, mentor offer, needs, introductions and their messages, what you "
            "did with your matches, saved searches, the notifications and e-mails we sent, your sign-in sessions "
            "and your two-factor set-up (never its secrets). It comes as a JSON file, or as a zip that also holds "
            "the files you uploaded.</p>"
            "<p>You can also delete your account. Deleting your account removes your personal information; content "
            "you posted on behalf of an organisation stays with that organisation.</p>"
            "<p><i>This is demo content; whoever runs a deployment must replace it with their official personal "
            "data protection policy.</i></p>"
        ),
        call_to_action("Questions about how Helix uses data?", "How matching works", page_id("matching")),
    ]


STANDARD_PAGE_BODIES = {"about": _about_body, "matching": _matching_body, "privacy": _privacy_body}

FOOTER = {
    "footer_text_vi": "Helix — cổng kết nối Nhà nước, Nhà trường và Nhà doanh nghiệp của chương trình đô thị thông "
    "minh Bình Dương (bản demo).",
    "footer_text_en": "Helix — the portal connecting government, universities and business in the Bình Dương "
    "smart-city programme (demo).",
    "contact_email": "lienhe@helix.local",
}
