"""Hand-written word lists and sentence templates for the demo data, in Vietnamese and English.

Person names are assembled from common Vietnamese family, middle and given names, so they
belong to nobody in particular; institutions have invented place-name qualifiers and carry
"(demo)". Templates use str.format fields that `generators` fills from a theme.
"""

# --- People -------------------------------------------------------------------------------------------
# Family names weighted roughly by how common they are.
FAMILY_NAMES = (
    ("Nguyễn", 30), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 4), ("Phan", 4), ("Vũ", 4),
    ("Võ", 4), ("Đặng", 3), ("Bùi", 3), ("Đỗ", 3), ("Hồ", 2), ("Ngô", 2), ("Dương", 2), ("Lý", 1), ("Trương", 1),
    ("Đinh", 1), ("Lâm", 1), ("Mai", 1),
)  # fmt: skip
MIDDLE_NAMES = {
    "m": ("Văn", "Minh", "Đức", "Quốc", "Hữu", "Thanh", "Gia", "Hoàng", "Công", "Tuấn", "Nhật"),
    "f": ("Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Bảo", "Phương", "Hoài", "Mai", "Khánh"),
}
GIVEN_NAMES = {
    "m": (
        "An", "Bảo", "Dũng", "Duy", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khang", "Khoa", "Kiên", "Long", "Lộc",
        "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Thành", "Toàn", "Trí", "Trung",
        "Tuấn", "Việt", "Vinh",
    ),
    "f": (
        "Anh", "Chi", "Diệp", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Loan", "Mai", "My",
        "Ngân", "Ngọc", "Nhi", "Nhung", "Phương", "Quỳnh", "Tâm", "Thảo", "Thư", "Trang", "Trâm", "Uyên", "Vân",
        "Vy", "Yến",
    ),
}  # fmt: skip
ACADEMIC_TITLES = ("TS.", "TS.", "PGS.TS.", "ThS.", "GS.TS.")
PERSON_EMAIL_DOMAIN = "demo.helix.local"

# --- Places -------------------------------------------------------------------------------------------
# Where organisations are: weighted towards Ho Chi Minh City (which now includes the former Bình Dương
# province, the first deployment's home), then Hanoi, Da Nang and the industrial provinces.
LOCATION_WEIGHTS = {
    "ho-chi-minh": 34, "ha-noi": 20, "da-nang": 9, "dong-nai": 7, "can-tho": 6, "bac-ninh": 5, "hai-phong": 4,
    "hue": 2, "khanh-hoa": 2, "lam-dong": 2, "tay-ninh": 2, "an-giang": 1, "ca-mau": 1, "dong-thap": 1,
    "vinh-long": 1, "thai-nguyen": 1, "quang-ninh": 1, "nghe-an": 1, "dak-lak": 1, "gia-lai": 1,
}  # fmt: skip
# Places inside each provincial unit, for text ("Trụ sở tại Dĩ An"). The first ones of Ho Chi Minh City
# are the former Bình Dương province.
PLACES = {
    "ho-chi-minh": ("Thủ Dầu Một", "Dĩ An", "Thuận An", "Bến Cát", "Tân Uyên", "Bàu Bàng", "Thủ Đức", "Tân Bình",
                    "Bình Thạnh", "Gò Vấp", "Củ Chi", "Vũng Tàu"),
    "ha-noi": ("Cầu Giấy", "Hoàn Kiếm", "Hòa Lạc", "Long Biên", "Đông Anh", "Hà Đông"),
    "da-nang": ("Hải Châu", "Sơn Trà", "Ngũ Hành Sơn", "Liên Chiểu", "Hội An", "Tam Kỳ"),
    "dong-nai": ("Biên Hòa", "Long Thành", "Nhơn Trạch", "Trảng Bom", "Đồng Xoài"),
    "can-tho": ("Ninh Kiều", "Cái Răng", "Bình Thủy", "Sóc Trăng", "Vị Thanh"),
    "bac-ninh": ("Từ Sơn", "Yên Phong", "Quế Võ", "Bắc Giang"),
    "hai-phong": ("Hồng Bàng", "Đồ Sơn", "Thủy Nguyên", "Hải Dương"),
    "hue": ("Phú Xuân", "Hương Thủy", "Phong Điền"),
    "khanh-hoa": ("Nha Trang", "Cam Ranh", "Phan Rang"),
    "lam-dong": ("Đà Lạt", "Bảo Lộc", "Phan Thiết"),
    "tay-ninh": ("Tây Ninh", "Tân An", "Đức Hòa"),
    "an-giang": ("Long Xuyên", "Châu Đốc", "Rạch Giá"),
    "ca-mau": ("Cà Mau", "Năm Căn", "Bạc Liêu"),
    "dong-thap": ("Cao Lãnh", "Sa Đéc", "Mỹ Tho"),
    "vinh-long": ("Vĩnh Long", "Bến Tre", "Trà Vinh"),
    "thai-nguyen": ("Thái Nguyên", "Sông Công"),
    "quang-ninh": ("Hạ Long", "Uông Bí", "Móng Cái"),
    "nghe-an": ("Vinh", "Cửa Lò"),
    "dak-lak": ("Buôn Ma Thuột", "Tuy Hòa"),
    "gia-lai": ("Pleiku", "Quy Nhơn"),
    "quang-tri": ("Đông Hà", "Đồng Hới"),
    "hung-yen": ("Hưng Yên", "Thái Bình"),
    "ninh-binh": ("Hoa Lư", "Nam Định"),
}  # fmt: skip

# --- Organisation names ---------------------------------------------------------------------------
# (Vietnamese name, English name, location slug, theme keys). Invented: the place qualifiers are
# real places but no such institution exists there.
UNIVERSITIES = (
    ("Đại học Kỹ thuật Sông Bé", "Song Be University of Technology", "ho-chi-minh",
     ("industry-4", "electronics-semiconductors", "renewable-energy", "mobility")),
    ("Đại học Khoa học Ứng dụng Bàu Bàng", "Bau Bang University of Applied Sciences", "ho-chi-minh",
     ("materials", "circular-economy", "logistics", "food-traceability")),
    ("Đại học Bách khoa Trị An", "Tri An Polytechnic University", "dong-nai",
     ("industry-4", "materials", "urban-water", "renewable-energy")),
    ("Đại học Y Dược Phú Giáo", "Phu Giao University of Medicine and Pharmacy", "ho-chi-minh",
     ("digital-health", "medical-devices", "pharma-biotech")),
    ("Đại học Nông nghiệp và Thủy sản Rạch Sỏi", "Rach Soi University of Agriculture and Fisheries", "an-giang",
     ("aquaculture", "smart-farming", "food-traceability")),
    ("Đại học Số Ngũ Hành Sơn", "Ngu Hanh Son Digital University", "da-nang",
     ("e-government", "cybersecurity", "tourism-creative", "edtech")),
    ("Đại học Kinh tế và Công nghệ Tân Định", "Tan Dinh University of Economics and Technology", "ho-chi-minh",
     ("fintech", "logistics", "e-government")),
    ("Đại học Sư phạm Kỹ thuật Bến Cát", "Ben Cat University of Technical Education", "ho-chi-minh",
     ("edtech", "industry-4", "electronics-semiconductors")),
)  # fmt: skip
RESEARCH_INSTITUTES = (
    ("Viện Công nghệ Nước và Môi trường Lái Thiêu", "Lai Thieu Institute of Water and Environment", "ho-chi-minh",
     ("urban-water", "circular-economy", "aquaculture")),
    ("Viện Vật liệu Tiên tiến Long Thành", "Long Thanh Institute of Advanced Materials", "dong-nai",
     ("materials", "electronics-semiconductors")),
    ("Viện Năng lượng Tái tạo Cam Ranh", "Cam Ranh Renewable Energy Institute", "khanh-hoa",
     ("renewable-energy", "urban-water")),
    ("Viện Trí tuệ Nhân tạo Ứng dụng Thủ Thiêm", "Thu Thiem Institute for Applied AI", "ho-chi-minh",
     ("e-government", "mobility", "digital-health", "cybersecurity")),
    ("Viện Nghiên cứu Thủy sản Năm Căn", "Nam Can Aquaculture Research Institute", "ca-mau",
     ("aquaculture", "food-traceability")),
    ("Viện Nông nghiệp Số Cao Nguyên", "Highlands Digital Agriculture Institute", "lam-dong",
     ("smart-farming", "pharma-biotech")),
    ("Viện Bán dẫn và Vi mạch Suối Tiên", "Suoi Tien Semiconductor Institute", "ho-chi-minh",
     ("electronics-semiconductors", "industry-4")),
    ("Viện Logistics và Chuỗi cung ứng Cái Mép", "Cai Mep Logistics and Supply Chain Institute", "ho-chi-minh",
     ("logistics", "food-traceability")),
)  # fmt: skip
GOVERNMENT_AGENCIES = (
    ("Ban Quản lý Khu Công nghệ số Sông Bé", "Song Be Digital Technology Park Authority", "ho-chi-minh",
     ("industry-4", "electronics-semiconductors", "e-government")),
    ("Trung tâm Chuyển đổi số Đô thị Thủ Dầu Một", "Thu Dau Mot Urban Digital Transformation Centre",
     "ho-chi-minh", ("e-government", "mobility", "public-safety")),
    ("Quỹ Đổi mới Công nghệ Vùng Đông Nam Bộ", "Southeast Region Technology Innovation Fund", "ho-chi-minh",
     ("industry-4", "materials", "renewable-energy", "digital-health")),
    ("Văn phòng Đô thị Thông minh Dĩ An", "Di An Smart City Office", "ho-chi-minh",
     ("mobility", "urban-water", "public-safety", "circular-economy")),
    ("Ban Phát triển Nông nghiệp Công nghệ cao Sông Hậu", "Song Hau High-Tech Agriculture Board", "can-tho",
     ("aquaculture", "smart-farming", "food-traceability")),
    ("Cơ quan Đổi mới Sáng tạo các Đô thị Ven biển", "Coastal Cities Innovation Agency", "da-nang",
     ("tourism-creative", "urban-water", "renewable-energy")),
)  # fmt: skip
SUPPORT_ORGANISATIONS = (
    ("Vườn ươm Khởi nghiệp Bàu Bàng", "Bau Bang Startup Incubator", "ho-chi-minh",
     ("industry-4", "logistics", "materials")),
    ("Trung tâm Ươm tạo Công nghệ Nông nghiệp Miền Tây", "Western Agritech Incubation Centre", "can-tho",
     ("aquaculture", "smart-farming", "food-traceability")),
    ("Mekong Delta Startup Accelerator", "Mekong Delta Startup Accelerator", "can-tho",
     ("aquaculture", "fintech", "circular-economy")),
    ("Không gian Sáng tạo Hàn Giang", "Han Giang Innovation Space", "da-nang",
     ("tourism-creative", "edtech", "e-government")),
    ("Trung tâm Hỗ trợ Khởi nghiệp Sáng tạo Hòa Lạc Mở", "Open Hoa Lac Startup Support Centre", "ha-noi",
     ("electronics-semiconductors", "cybersecurity", "digital-health")),
    ("Mạng lưới Cố vấn Khởi nghiệp Phù Sa", "Phu Sa Startup Mentor Network", "ho-chi-minh",
     ("fintech", "edtech", "logistics")),
)  # fmt: skip
INVESTORS = (
    ("Quỹ Đầu tư Mạo hiểm Lúa Vàng", "Golden Rice Ventures", "ho-chi-minh", ("smart-farming", "food-traceability")),
    ("Blue Delta Capital", "Blue Delta Capital", "ho-chi-minh", ("aquaculture", "fintech", "logistics")),
    ("Quỹ Khởi nghiệp Phù Sa", "Phu Sa Seed Fund", "can-tho", ("smart-farming", "circular-economy")),
    ("Lotus Bridge Angels", "Lotus Bridge Angels", "ha-noi", ("digital-health", "edtech", "cybersecurity")),
)  # fmt: skip
ENTERPRISE_FORMS = {
    "vi": ("Công ty Cổ phần {industry} {place}", "Công ty TNHH {industry} {place}", "Tổng Công ty {industry} {place}"),
    "en": ("{place} {industry} JSC", "{place} {industry} Co., Ltd.", "{place} {industry} Corporation"),
}
# Startup names: a theme brand plus one of these, or a Vietnamese name with one of the prefixes.
BRAND_SUFFIXES = ("Sense", "Tech", "Labs", "AI", "Link", "Go", "Hub", "Works", "Flow", "Mind", "Net", "ify", "X",
                  "Care", "Loop", "Matic", "Pulse", "Wise")  # fmt: skip
VI_NAME_FORMS = ("{brand}", "{brand} {place}", "Công nghệ {brand}", "{brand} Việt Nam", "Giải pháp {brand}")

# --- Generic sentences ------------------------------------------------------------------------------
STARTUP_PITCHES = {
    "vi": ("{solution} cho {customer}", "{solution}, giúp {customer} {outcome}"),
    "en": ("{solution} for {customer}", "{solution}, helping {customer} {outcome}"),
}
STARTUP_OPENERS = {
    "vi": ("Tại {place}, {problem}.", "Chúng tôi bắt đầu từ một thực tế: {problem}.",
           "Ở nhiều địa phương như {place}, {problem}."),
    "en": ("In {place}, {problem}.", "We started from a simple observation: {problem}.",
           "In places like {place}, {problem}."),
}  # fmt: skip
STARTUP_SENTENCES = {
    "vi": {
        "solution": ("{name} phát triển {solution}, dựa trên {tech1} và {tech2}.",
                     "Sản phẩm chính của {name} là {solution}, dùng {tech1}."),
        "customer": ("Khách hàng của chúng tôi là {customer}; các đơn vị thí điểm đã {outcome}.",
                     "Giải pháp hướng tới {customer} và giúp họ {outcome}."),
        "focus": ("Đội ngũ tập trung vào {kw1}, {kw2} và {kw3}.", "Chúng tôi làm việc hằng ngày với {kw1} và {kw2}."),
        "team": ("Đội ngũ {team} người, trụ sở tại {place}, thành lập năm {year}.",
                 "Công ty thành lập năm {year} tại {place}, hiện có {team} thành viên."),
        "seeking": ("Chúng tôi đang tìm {seeking}.", "Trong năm nay, {name} cần {seeking}."),
    },
    "en": {
        "solution": ("{name} builds {solution} using {tech1} and {tech2}.",
                     "{name}'s main product is {solution}, built on {tech1}."),
        "customer": ("Our customers are {customer}; pilot users have been able to {outcome}.",
                     "The solution is made for {customer} and helps them {outcome}."),
        "focus": ("The team focuses on {kw1}, {kw2} and {kw3}.", "We work every day with {kw1} and {kw2}."),
        "team": ("A team of {team} based in {place}, founded in {year}.",
                 "Founded in {year} in {place}, the company now has {team} people."),
        "seeking": ("We are looking for {seeking}.", "This year {name} needs {seeking}."),
    },
}  # fmt: skip
SEEKING_WORDS = {
    "vi": {"funding": "vốn đầu tư", "mentoring": "cố vấn", "rnd_partner": "đối tác R&D",
           "pilot_customer": "khách hàng thí điểm", "facilities": "cơ sở thử nghiệm",
           "talent": "nhân sự kỹ thuật"},
    "en": {"funding": "investment", "mentoring": "mentoring", "rnd_partner": "an R&D partner",
           "pilot_customer": "pilot customers", "facilities": "testing facilities",
           "talent": "engineering talent"},
}  # fmt: skip
AND = {"vi": "và", "en": "and"}

CAPABILITY_TITLES = {
    "vi": {
        "expertise": ("Chuyên môn về {item}", "Nhóm nghiên cứu {item}", "Tư vấn chuyên sâu về {item}"),
        "facility": ("{Item}", "{Item} – cơ sở {place}"),
        "licensing": ("Chuyển giao công nghệ: {item}", "Cấp phép sử dụng {item}"),
        "service": ("Dịch vụ {item}", "{Item} cho doanh nghiệp"),
    },
    "en": {
        "expertise": ("Expertise in {item}", "{Item} research group", "Specialist advice on {item}"),
        "facility": ("{Item}", "{Item} – {place} campus"),
        "licensing": ("For licensing: {item}", "{Item} available for licensing"),
        "service": ("{Item}", "{Item} for companies"),
    },
}  # fmt: skip
CAPABILITY_SENTENCES = {
    "vi": {
        "intro": {
            "expertise": "{org} có nhóm nghiên cứu nhiều năm kinh nghiệm về {item}.",
            "facility": "{org} mở {item} cho doanh nghiệp và startup sử dụng.",
            "licensing": "{org} sở hữu và sẵn sàng chuyển giao {item}.",
            "service": "{org} cung cấp dịch vụ {item} với quy trình được công nhận.",
        },
        "fit": ("Phù hợp với các đơn vị đang gặp vấn đề: {problem}.",
                "Chúng tôi đã hỗ trợ {customer} giải quyết bài toán khi {problem}."),
        "focus": ("Lĩnh vực trọng tâm: {kw1}, {kw2} và {kw3}.", "Công nghệ sử dụng: {techs}."),
        "trl": ("Công nghệ đã đạt mức sẵn sàng TRL {trl}.",),
        "collab": ("Sẵn sàng hợp tác nghiên cứu, đặt hàng đề tài và đồng hướng dẫn sinh viên.",
                   "Ưu tiên các dự án thí điểm tại {place}."),
    },
    "en": {
        "intro": {
            "expertise": "{org} has a research group with many years of experience in {item}.",
            "facility": "{org} opens its {item} to companies and startups.",
            "licensing": "{org} owns and is ready to license its {item}.",
            "service": "{org} offers {item} with an accredited procedure.",
        },
        "fit": ("A good fit for teams facing this problem: {problem}.",
                "We have helped {customer} when {problem}."),
        "focus": ("Focus areas: {kw1}, {kw2} and {kw3}.", "Technologies used: {techs}."),
        "trl": ("The technology has reached TRL {trl}.",),
        "collab": ("Open to joint research, commissioned projects and co-supervising students.",
                   "Pilot projects in {place} are welcome."),
    },
}  # fmt: skip
AVAILABILITY = {
    "vi": ("Thứ Hai – Thứ Sáu, đặt lịch trước một tuần", "Theo hợp đồng, bắt đầu từ quý tới",
           "Còn trống khoảng 20 giờ mỗi tháng", "Cả năm, trừ tháng Tết", "Theo lịch của phòng thí nghiệm"),
    "en": ("Monday to Friday, book a week ahead", "By contract, starting next quarter", "About 20 hours a month free",
           "All year except the Tết holiday", "According to the lab's booking calendar"),
}  # fmt: skip
TERMS = {
    "vi": ("Chi phí theo bảng giá dịch vụ của đơn vị; giảm 30% cho startup trong chương trình ươm tạo.",
           "Hợp đồng chuyển giao có phí bản quyền theo doanh thu; có thể thương lượng độc quyền theo vùng.",
           "Miễn phí cho đề tài hợp tác có đồng tác giả công bố.",
           "Báo giá theo từng yêu cầu, thanh toán theo giai đoạn."),
    "en": ("Standard service rates; startups in an incubation programme get 30% off.",
           "Licence with a royalty on revenue; regional exclusivity can be negotiated.",
           "Free for joint projects that lead to co-authored publications.",
           "Quoted per request, paid by milestone."),
}  # fmt: skip

# (headline role, what they did before): kept in pairs so that a role and a career agree.
MENTOR_CAREERS = {
    "vi": (("Cố vấn khởi nghiệp", "từng xây dựng và bán một công ty phần mềm"),
           ("Chuyên gia", "dẫn dắt đội nghiên cứu phát triển tại một doanh nghiệp sản xuất"),
           ("Nhà đầu tư thiên thần", "làm giám đốc đầu tư tại một quỹ đầu tư mạo hiểm"),
           ("Giảng viên, cố vấn khoa học", "giảng dạy và hướng dẫn nghiên cứu sinh"),
           ("Chuyên gia vận hành", "điều hành chuỗi cung ứng cho một tập đoàn đa quốc gia"),
           ("Nhà sáng lập", "đã gọi vốn thành công ba vòng cho startup của mình")),
    "en": (("Startup mentor", "built and sold a software company"),
           ("Specialist", "led the R&D team of a manufacturer"),
           ("Angel investor", "was an investment director at a venture fund"),
           ("Lecturer and scientific adviser", "teaches and supervises PhD students"),
           ("Operations expert", "ran the supply chain of a multinational group"),
           ("Founder", "has raised three funding rounds for their own startup")),
}  # fmt: skip
MENTOR_TOPICS = {
    "vi": ("gọi vốn", "chiến lược sản phẩm", "bán hàng cho doanh nghiệp", "sở hữu trí tuệ",
           "mở rộng ra thị trường Đông Nam Á", "xây dựng đội ngũ", "tài chính cho startup"),
    "en": ("fundraising", "product strategy", "B2B sales", "intellectual property", "expanding into Southeast Asia",
           "building a team", "startup finance"),
}  # fmt: skip
MENTOR_TEXT = {
    "vi": ("Hơn {years} năm kinh nghiệm về {area}; {past}.", "Có thể hỗ trợ về {topic1} và {topic2}.",
           "Quan tâm đặc biệt tới {kw1} và {kw2}."),
    "en": ("More than {years} years of experience in {area}; {past}.", "Can help with {topic1} and {topic2}.",
           "Particularly interested in {kw1} and {kw2}."),
}  # fmt: skip
MENTOR_AVAILABILITY = {
    "vi": ("Tối thứ Năm, trực tuyến", "Hai buổi mỗi tháng, gặp trực tiếp tại {place}", "Cuối tuần, trực tuyến"),
    "en": ("Thursday evenings, online", "Twice a month, in person in {place}", "Weekends, online"),
}

NEED_TITLES = {
    "vi": ("Đặt hàng giải pháp {need}", "Tìm đối tác {need}", "Đặt hàng: {need}"),
    "en": ("Challenge: {need}", "Looking for a partner: {need}", "Call for solutions: {need}"),
}
NEED_SENTENCES = {
    "vi": {
        "context": ("{org} đang gặp vấn đề: {problem}.", "Hiện nay tại {place}, {problem}."),
        "ask": ("Chúng tôi cần {need}, có thể tích hợp với hệ thống hiện có.",
                "Đơn vị mong muốn tìm giải pháp {need} trong lĩnh vực {kw1}."),
        "outcome": ("Giải pháp thí điểm tại {place} trong {months} tháng và giúp {outcome}.",
                    "Kết quả mong đợi: {outcome}, có báo cáo đánh giá sau {months} tháng."),
    },
    "en": {
        "context": ("{org} faces this problem: {problem}.", "Today in {place}, {problem}."),
        "ask": ("We need {need} that works with our existing systems.",
                "We are looking for {need} in the field of {kw1}."),
        "outcome": ("A pilot in {place} for {months} months that helps us {outcome}.",
                    "Expected result: {outcome}, with an evaluation report after {months} months."),
    },
}  # fmt: skip

PROGRAM_TITLES = {
    "vi": {
        "grant": "Tài trợ đổi mới sáng tạo lĩnh vực {label} năm {year}",
        "loan": "Cho vay ưu đãi đổi mới công nghệ: {label}",
        "tax_incentive": "Ưu đãi thuế cho doanh nghiệp khoa học và công nghệ ngành {label}",
        "accelerator": "Chương trình tăng tốc khởi nghiệp {label} khóa {cohort}",
        "mentoring": "Chương trình cố vấn 1-1 cho startup {label} đợt {cohort}",
        "competition": "Cuộc thi Giải pháp {label} {year}",
        "training": "Khóa đào tạo {label} cho nhà sáng lập, khóa {cohort}",
    },
    "en": {
        "grant": "{label} innovation grant {year}",
        "loan": "Low-interest technology loans: {label}",
        "tax_incentive": "Tax incentives for science and technology enterprises in {label}",
        "accelerator": "{label} startup accelerator, cohort {cohort}",
        "mentoring": "One-to-one mentoring for {label} startups, round {cohort}",
        "competition": "Solutions Challenge {year}: {label}",
        "training": "{label} training for founders, course {cohort}",
    },
}  # fmt: skip
PROGRAM_SUMMARIES = {
    "vi": "{agency} hỗ trợ các đơn vị giải quyết những bài toán như {need} trong lĩnh vực {label}.",
    "en": "{agency} supports teams working on problems such as {need} in {label}.",
}
PROGRAM_PARAGRAPHS = {
    "vi": ("Bối cảnh: {problem}. Chương trình ưu tiên các giải pháp về {kw1}, {kw2} và {kw3}.",
           "Đơn vị tham gia sẽ được kết nối với chuyên gia, phòng thí nghiệm và khách hàng thí điểm tại {place}.",
           "Hồ sơ được đánh giá theo tính mới, khả năng triển khai và tác động đối với {customer}."),
    "en": ("Background: {problem}. The programme favours solutions in {kw1}, {kw2} and {kw3}.",
           "Participants are connected with experts, laboratories and pilot customers in {place}.",
           "Applications are judged on novelty, feasibility and impact for {customer}."),
}  # fmt: skip
PROGRAM_HOW_TO_APPLY = {
    "vi": "Nộp hồ sơ trực tuyến qua cổng của chương trình trước hạn chót; kèm thuyết minh và kế hoạch tài chính.",
    "en": "Apply online through the programme's portal before the deadline, with a project description and budget.",
}
PROGRAM_CONDITIONS = {
    "vi": ("Có ít nhất một thành viên sáng lập là công dân Việt Nam.",
           "Cam kết đối ứng tối thiểu 30% kinh phí dự án.",
           "Sản phẩm được thí điểm trên địa bàn trong vòng 12 tháng.",
           "Không nợ thuế và bảo hiểm xã hội quá hạn."),
    "en": ("At least one founder is a Vietnamese citizen.", "The applicant co-funds at least 30% of the project.",
           "The product is piloted locally within 12 months.", "No overdue taxes or social insurance contributions."),
}  # fmt: skip

# Technology tags are stored once, in English; Vietnamese sentences use these words for them.
TECHNOLOGY_VI = {
    "IoT sensors": "cảm biến IoT", "Water quality sensors": "cảm biến chất lượng nước", "Machine learning": "học máy",
    "Mobile apps": "ứng dụng di động", "LoRaWAN": "mạng LoRaWAN", "PCR diagnostics": "chẩn đoán PCR",
    "Recirculating aquaculture systems": "hệ thống nuôi tuần hoàn", "Drones": "thiết bị bay không người lái",
    "Remote sensing": "viễn thám", "Computer vision": "thị giác máy tính", "GIS": "hệ thông tin địa lý (GIS)",
    "QR traceability": "truy xuất bằng mã QR", "Blockchain": "chuỗi khối (blockchain)",
    "Cold-chain monitoring": "giám sát chuỗi lạnh", "Biotechnology": "công nghệ sinh học",
    "Telemedicine": "y tế từ xa", "Natural language processing": "xử lý ngôn ngữ tự nhiên",
    "Cloud computing": "điện toán đám mây", "Wearables": "thiết bị đeo thông minh",
    "Embedded systems": "hệ thống nhúng", "Microfluidics": "công nghệ vi lưu", "3D printing": "in 3D",
    "Medical imaging": "chẩn đoán hình ảnh", "Fermentation": "công nghệ lên men", "Nanomaterials": "vật liệu nano",
    "Learning analytics": "phân tích dữ liệu học tập",
    "AR/VR": "thực tế ảo và thực tế tăng cường", "Generative AI": "AI tạo sinh",
    "Predictive maintenance": "bảo trì dự đoán", "Digital twin": "bản sao số", "PLC automation": "tự động hóa PLC",
    "Robotics": "robot", "Edge computing": "điện toán biên", "Semiconductor design": "thiết kế bán dẫn",
    "FPGA": "FPGA", "PCB design": "thiết kế mạch in", "5G": "mạng 5G", "Bioplastics": "nhựa sinh học",
    "Solar PV": "điện mặt trời", "Battery storage": "pin lưu trữ",
    "Energy management systems": "hệ thống quản lý năng lượng", "Anaerobic digestion": "phân hủy yếm khí",
    "Route optimisation": "tối ưu hóa lộ trình", "Warehouse robotics": "robot kho vận", "Electric vehicles": "xe điện",
    "Big data": "dữ liệu lớn", "Membrane filtration": "lọc màng", "Open data": "dữ liệu mở",
    "e-KYC": "định danh điện tử (eKYC)", "Payments API": "API thanh toán", "Cybersecurity": "an ninh mạng",
    "Penetration testing": "kiểm thử xâm nhập", "Zero trust": "kiến trúc zero trust", "3D scanning": "quét 3D",
}  # fmt: skip

# One-line summaries of institutions, by organisation kind.
ORGANISATION_SUMMARIES = {
    "vi": {
        "university": "Đào tạo, nghiên cứu và chuyển giao công nghệ về {kw1}, {kw2} và {kw3}.",
        "research_institute": "Viện nghiên cứu ứng dụng về {kw1} và {kw2}, mở phòng thí nghiệm cho doanh nghiệp.",
        "government_agency": "Đặt hàng giải pháp, quản lý chương trình hỗ trợ đổi mới sáng tạo về {kw1} và {kw2}.",
        "support_organisation": "Ươm tạo, cố vấn và kết nối startup lĩnh vực {kw1} và {kw2} với doanh nghiệp.",
        "investor": "Đầu tư giai đoạn sớm vào startup về {kw1} và {kw2}.",
    },
    "en": {
        "university": "Teaching, research and technology transfer in {kw1}, {kw2} and {kw3}.",
        "research_institute": "Applied research in {kw1} and {kw2}, with laboratories open to industry.",
        "government_agency": "Commissions solutions and runs innovation support programmes in {kw1} and {kw2}.",
        "support_organisation": "Incubation, mentoring and industry matching for startups in {kw1} and {kw2}.",
        "investor": "Early-stage investor in {kw1} and {kw2} startups.",
    },
}  # fmt: skip
