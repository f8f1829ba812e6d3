"""Sentence templates of the demo content, in Vietnamese and English, filled from a theme's phrases.

Written to read as a person in the field would write: the Vietnamese ones first, the English ones
for the few organisations that work in English. `str.format` fields name the phrase they take.
"""

# --- Startups and SMEs ---------------------------------------------------------------------------
STARTUP_PITCHES = {
    "vi": ("{solution} cho {customer}", "{solution}, giúp {customer} {outcome}"),
    "en": ("{solution} for {customer}", "{solution}, helping {customer} {outcome}"),
}
STARTUP_OPENERS = {
    "vi": ("Ở {place} và nhiều địa phương khác, {problem}.", "Chúng tôi bắt đầu từ một thực tế: {problem}.",
           "Làm việc với bà con và doanh nghiệp ở {place}, chúng tôi thấy {problem}."),
    "en": ("In {place}, {problem}.", "We started from a simple observation: {problem}.",
           "In places like {place}, {problem}."),
}  # fmt: skip
STARTUP_SENTENCES = {
    "vi": {
        "solution": ("{name} phát triển {solution}, ứng dụng {tech1} và {tech2}.",
                     "Sản phẩm chính của {name} là {solution}, xây dựng trên nền tảng {tech1}."),
        "customer": ("Khách hàng của chúng tôi là {customer}; các đơn vị thí điểm đã {outcome}.",
                     "Giải pháp dành cho {customer}, giúp họ {outcome}."),
        "focus": ("Đội ngũ am hiểu {kw1}, {kw2} và {kw3} từ thực tế sản xuất.",
                  "Thế mạnh của chúng tôi là kinh nghiệm thực địa về {kw1} và {kw2}."),
        "team": ("Công ty có {team} thành viên, đặt trụ sở tại {place} và thành lập năm {year}.",
                 "Thành lập năm {year} tại {place}, công ty hiện có {team} thành viên."),
        "seeking": ("Chúng tôi đang tìm {seeking}.", "Trong năm nay, {name} cần thêm {seeking}."),
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
            "facility": "{org} mở {item} cho doanh nghiệp và startup thuê theo giờ hoặc theo dự án.",
            "licensing": "{org} là chủ sở hữu và sẵn sàng chuyển giao {item}.",
            "service": "{org} cung cấp dịch vụ {item} theo quy trình đã được công nhận.",
        },
        "fit": ("Phù hợp với doanh nghiệp và startup đang giải bài toán thực tế: {problem}.",
                "Nhóm đã cùng {customer} xử lý tình trạng {problem}."),
        "focus": ("Hướng nghiên cứu trọng tâm: {kw1}, {kw2} và {kw3}.", "Công nghệ sử dụng: {techs}."),
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

# A mentor's headline role; what they help with comes from their field (MENTOR_TEXT).
MENTOR_ROLES = {
    "vi": ("Cố vấn khởi nghiệp", "Chuyên gia", "Nhà đầu tư thiên thần", "Giảng viên, cố vấn khoa học",
           "Chuyên gia vận hành", "Nhà sáng lập"),
    "en": ("Startup mentor", "Specialist", "Angel investor", "Lecturer and scientific adviser", "Operations expert",
           "Founder"),
}  # fmt: skip
MENTOR_TOPICS = {
    "vi": ("gọi vốn", "chiến lược sản phẩm", "bán hàng cho doanh nghiệp", "sở hữu trí tuệ",
           "mở rộng ra thị trường Đông Nam Á", "xây dựng đội ngũ", "tài chính cho startup"),
    "en": ("fundraising", "product strategy", "B2B sales", "intellectual property", "expanding into Southeast Asia",
           "building a team", "startup finance"),
}  # fmt: skip
# What a mentor helps with, in the words of the field: the area, the kind of product and customer.
MENTOR_TEXT = {
    "vi": ("Hơn {years} năm về {area}; đã giúp {customer} triển khai {solution}.",
           "Cùng nhà sáng lập giải bài toán {problem}, từ {topic1} đến {topic2}.",
           "Ưu tiên các startup về {kw1} và {kw2}."),
    "en": ("More than {years} years in {area}; has helped {customer} adopt {solution}.",
           "Works with founders on this problem: {problem}; from {topic1} to {topic2}.",
           "Prefers startups in {kw1} and {kw2}."),
}  # fmt: skip
MENTOR_AVAILABILITY = {
    "vi": ("Tối thứ Năm, trực tuyến", "Hai buổi mỗi tháng, gặp trực tiếp tại {place}", "Cuối tuần, trực tuyến"),
    "en": ("Thursday evenings, online", "Twice a month, in person in {place}", "Weekends, online"),
}

NEED_TITLES = {
    "vi": ("Đặt hàng giải pháp {need}", "Tìm đối tác triển khai {need}", "Đặt hàng: {need}"),
    "en": ("Challenge: {need}", "Looking for a partner: {need}", "Call for solutions: {need}"),
}
NEED_SENTENCES = {
    "vi": {
        "context": ("Thực tế tại {org}: {problem}.", "Hiện nay ở {place}, {problem}."),
        "ask": ("Chúng tôi cần giải pháp {need}, tích hợp được với hệ thống đang vận hành.",
                "Đơn vị tìm đối tác có kinh nghiệm về {kw1} để triển khai {need}."),
        "outcome": ("Thí điểm tại {place} trong {months} tháng; kỳ vọng {outcome}.",
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
        "grant": "Tài trợ đổi mới sáng tạo về {focus} năm {year}",
        "loan": "Cho vay ưu đãi dự án {focus}",
        "tax_incentive": "Ưu đãi thuế cho doanh nghiệp khoa học và công nghệ về {focus}",
        "accelerator": "Chương trình tăng tốc khởi nghiệp {focus} khóa {cohort}",
        "mentoring": "Chương trình cố vấn 1-1 về {focus} đợt {cohort}",
        "competition": "Cuộc thi Giải pháp {focus} {year}",
        "training": "Khóa đào tạo {focus} cho nhà sáng lập, khóa {cohort}",
    },
    "en": {
        "grant": "Innovation grant {year}: {focus}",
        "loan": "Low-interest technology loans: {focus}",
        "tax_incentive": "Tax incentives for science and technology enterprises: {focus}",
        "accelerator": "Startup accelerator, cohort {cohort}: {focus}",
        "mentoring": "One-to-one mentoring, round {cohort}: {focus}",
        "competition": "Solutions Challenge {year}: {focus}",
        "training": "Founders' training, course {cohort}: {focus}",
    },
}  # fmt: skip
PROGRAM_SUMMARIES = {
    "vi": "{agency} hỗ trợ startup và doanh nghiệp giải bài toán {need} trong lĩnh vực {label}.",
    "en": "{agency} supports teams working on problems such as {need} in {label}.",
}
PROGRAM_PARAGRAPHS = {
    "vi": ("Chương trình dành cho những đội đang làm {solution} cho {customer}.",
           "Bối cảnh: {problem}. Chương trình ưu tiên giải pháp về {kw1}, {kw2} và {kw3}.",
           "Đơn vị tham gia được chuyên gia trong ngành đồng hành và thí điểm cùng {customer} tại {place}.",
           "Hồ sơ được chấm theo tính mới, khả năng triển khai và lợi ích mang lại cho {customer}."),
    "en": ("The programme is for teams building {solution} for {customer}.",
           "Background: {problem}. The programme favours solutions in {kw1}, {kw2} and {kw3}.",
           "Participants work with experts of the field and run a pilot with {customer} in {place}.",
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
