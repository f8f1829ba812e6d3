"""Themes for finance, cybersecurity, tourism and the creative industries."""

from demo.themes.base import Theme, Words

FINTECH = Theme(
    key="fintech",
    sectors=("fintech", "insurtech"),
    technologies=("e-KYC", "Payments API", "Machine learning", "Blockchain", "Mobile apps", "Cloud computing"),
    locations=("ho-chi-minh", "ha-noi", "da-nang"),
    stories=((0, 0, 0, 0), (1, 1, 1, 1), (2, 2, 0, 2)),
    vi=Words(
        brands=("Ví Việt", "Tín Dụng Xanh", "Bảo Hiểm Số", "Tiền Nhanh", "Sổ Cái"),
        problems=(
            "hộ kinh doanh nhỏ không có lịch sử tín dụng nên khó vay vốn ngân hàng",
            "nông dân không mua bảo hiểm vì thủ tục bồi thường rườm rà và chậm",
            "doanh nghiệp nhỏ mất nhiều ngày mỗi tháng để đối soát hóa đơn và thanh toán",
        ),
        solutions=(
            "chấm điểm tín dụng thay thế từ dữ liệu bán hàng và thanh toán",
            "bảo hiểm nông nghiệp theo chỉ số thời tiết, bồi thường tự động",
            "phần mềm kế toán kết nối hóa đơn điện tử và ngân hàng",
        ),
        customers=("hộ kinh doanh và doanh nghiệp siêu nhỏ", "nông dân và hợp tác xã"),
        outcomes=(
            "được duyệt khoản vay trong 24 giờ",
            "nhận bồi thường trong vòng một tuần",
            "tiết kiệm ba ngày công kế toán mỗi tháng",
        ),
        keywords=("tín dụng", "thanh toán", "bảo hiểm", "tài chính toàn diện", "hóa đơn điện tử"),
        expertise=("tài chính định lượng và quản trị rủi ro", "khoa học dữ liệu trong tài chính"),
        facilities=("phòng thí nghiệm công nghệ tài chính (sandbox)", "phòng giao dịch mô phỏng"),
        inventions=("mô hình chấm điểm tín dụng cho hộ kinh doanh", "thuật toán phát hiện gian lận giao dịch"),
        services=("kiểm thử bảo mật ứng dụng thanh toán", "tư vấn tuân thủ quy định thanh toán"),
        needs=("thanh toán không tiền mặt cho chợ truyền thống", "bảo hiểm vi mô cho người lao động tự do"),
        industries=("Dịch vụ Tài chính", "Bảo hiểm"),
        programs=("công nghệ tài chính toàn diện", "thanh toán không tiền mặt và bảo hiểm vi mô"),
    ),
    en=Words(
        brands=("Pay", "Coin", "Credit", "Ledger", "Fin"),
        problems=(
            "household businesses have no credit history and struggle to get bank loans",
            "farmers do not buy insurance because claims are slow and complicated",
            "small companies spend days every month reconciling invoices and payments",
        ),
        solutions=(
            "alternative credit scoring from sales and payment data",
            "weather-index crop insurance with automatic pay-outs",
            "accounting software connected to e-invoices and banks",
        ),
        customers=("household businesses and micro-enterprises", "farmers and cooperatives"),
        outcomes=(
            "get a loan approved within 24 hours",
            "receive insurance pay-outs within a week",
            "save three days of bookkeeping every month",
        ),
        keywords=("credit", "payments", "insurance", "financial inclusion", "e-invoices"),
        expertise=("quantitative finance and risk management", "data science in finance"),
        facilities=("fintech sandbox laboratory", "simulated trading room"),
        inventions=("credit-scoring model for household businesses", "transaction fraud detection algorithm"),
        services=("security testing of payment apps", "payment regulation compliance consulting"),
        needs=("cashless payments for traditional markets", "micro-insurance for freelance workers"),
        industries=("Financial Services", "Insurance"),
        programs=("inclusive fintech", "cashless payments and micro-insurance"),
    ),
)

CYBERSECURITY = Theme(
    key="cybersecurity",
    sectors=("cybersecurity", "ai-data"),
    technologies=("Cybersecurity", "Penetration testing", "Zero trust", "Machine learning", "Cloud computing"),
    locations=("ha-noi", "ho-chi-minh", "da-nang"),
    stories=((0, 0, 0, 0), (1, 1, 1, 0), (2, 2, 0, 1), (2, 2, 1, 1)),
    vi=Words(
        brands=("Khiên Số", "Bảo Mật Việt", "Tường Lửa", "An Ninh Mạng Sông Bé", "Mã Hóa"),
        problems=(
            "doanh nghiệp vừa và nhỏ bị mã độc tống tiền tấn công mà không có đội ngũ an ninh mạng",
            "cơ quan nhà nước chậm phát hiện rò rỉ dữ liệu cá nhân của người dân",
            "nhân viên dễ mắc bẫy thư điện tử lừa đảo",
        ),
        solutions=(
            "dịch vụ giám sát an ninh mạng 24/7 giá phù hợp cho doanh nghiệp nhỏ",
            "nền tảng phát hiện bất thường trên hệ thống bằng học máy",
            "chương trình huấn luyện nhận diện lừa đảo trực tuyến cho nhân viên",
        ),
        customers=("doanh nghiệp vừa và nhỏ", "cơ quan nhà nước và bệnh viện"),
        outcomes=("phát hiện tấn công trong vài phút thay vì vài tuần", "giảm 80% số nhân viên mắc bẫy lừa đảo"),
        keywords=("an ninh mạng", "mã độc", "bảo vệ dữ liệu cá nhân", "lừa đảo trực tuyến", "bảo mật"),
        expertise=("an toàn thông tin và mật mã học", "phân tích mã độc"),
        facilities=("phòng thực hành tấn công và phòng thủ mạng (cyber range)", "phòng lab điều tra số"),
        inventions=("hệ thống phát hiện xâm nhập dùng học sâu", "công cụ ẩn danh hóa dữ liệu cá nhân"),
        services=("kiểm thử xâm nhập và đánh giá lỗ hổng", "đánh giá tuân thủ bảo vệ dữ liệu cá nhân"),
        needs=(
            "giám sát an ninh mạng cho hệ thống thông tin của tỉnh",
            "đào tạo nhận thức an toàn thông tin cho cán bộ",
        ),
        industries=("An ninh Mạng", "Hạ tầng Công nghệ Thông tin"),
        programs=("an ninh mạng và bảo vệ dữ liệu cá nhân", "an toàn thông tin cho cơ quan nhà nước"),
    ),
    en=Words(
        brands=("Shield", "Secure", "Cyber", "Cipher", "Fort"),
        problems=(
            "small companies are hit by ransomware and have no security team",
            "public agencies are slow to notice leaks of citizens' personal data",
            "staff easily fall for phishing e-mails",
        ),
        solutions=(
            "affordable 24/7 security monitoring for small companies",
            "a platform that spots anomalies in systems using machine learning",
            "phishing-awareness training for staff",
        ),
        customers=("small and medium companies", "public agencies and hospitals"),
        outcomes=("detect attacks in minutes rather than weeks", "reduce phishing clicks by 80%"),
        keywords=("cybersecurity", "malware", "personal data protection", "phishing", "security"),
        expertise=("information security and cryptography", "malware analysis"),
        facilities=("cyber range for attack and defence exercises", "digital forensics lab"),
        inventions=("deep-learning intrusion detection system", "personal-data anonymisation tool"),
        services=("penetration testing and vulnerability assessment", "personal-data protection compliance review"),
        needs=(
            "security monitoring for the province's information systems",
            "security awareness training for officials",
        ),
        industries=("Cybersecurity", "IT Infrastructure"),
        programs=("cybersecurity and personal data protection", "information security for public agencies"),
    ),
)

TOURISM_CREATIVE = Theme(
    key="tourism-creative",
    sectors=("tourism", "creative-industries"),
    technologies=("AR/VR", "3D scanning", "Mobile apps", "Generative AI", "Big data"),
    locations=("da-nang", "hue", "khanh-hoa", "quang-ninh", "lam-dong", "ninh-binh", "ho-chi-minh"),
    stories=((1, 0, 0, 1), (0, 1, 1, 0), (2, 2, 2, 2)),
    vi=Words(
        brands=("Du Lịch Số", "Di Sản Sống", "Làng Nghề Việt", "Lữ Hành Xanh", "Gốm Số"),
        problems=(
            "làng nghề gốm, sơn mài và dệt thổ cẩm khó tiếp cận khách hàng trẻ và khách quốc tế",
            "du khách đến di tích không có thuyết minh hấp dẫn bằng nhiều ngôn ngữ",
            "khách sạn và homestay nhỏ phụ thuộc vào các sàn đặt phòng thu phí cao",
        ),
        solutions=(
            "tour tham quan thực tế ảo và thuyết minh đa ngôn ngữ cho di tích",
            "sàn thương mại điện tử cho sản phẩm làng nghề kèm câu chuyện nghệ nhân",
            "phần mềm quản lý và đặt phòng trực tiếp cho homestay",
        ),
        customers=(
            "ban quản lý di tích và doanh nghiệp lữ hành",
            "nghệ nhân và hợp tác xã làng nghề",
            "chủ homestay và khách sạn nhỏ",
        ),
        outcomes=(
            "tăng gấp đôi doanh thu bán hàng trực tuyến",
            "kéo dài thời gian lưu trú của du khách",
            "giảm một nửa tiền hoa hồng trả cho các sàn đặt phòng",
        ),
        keywords=("du lịch", "di sản văn hóa", "làng nghề", "homestay", "trải nghiệm du khách"),
        expertise=("quản lý di sản và du lịch bền vững", "thiết kế trải nghiệm và công nghiệp sáng tạo"),
        facilities=("studio quét 3D và số hóa hiện vật", "xưởng thiết kế và tạo mẫu sản phẩm sáng tạo"),
        inventions=("quy trình số hóa hiện vật bằng quét 3D", "ứng dụng thuyết minh tự động theo vị trí"),
        services=("số hóa di sản và sản xuất nội dung thực tế ảo", "nghiên cứu thị trường du lịch"),
        needs=("số hóa và quảng bá di tích lịch sử của địa phương", "bản đồ du lịch trải nghiệm nông thôn"),
        industries=("Du lịch Lữ hành", "Thủ công Mỹ nghệ"),
        programs=("du lịch thông minh và công nghiệp sáng tạo", "số hóa di sản và làng nghề"),
    ),
    en=Words(
        brands=("Travel", "Heritage", "Craft", "Trip", "Lantern"),
        problems=(
            "pottery, lacquer and brocade villages struggle to reach young and foreign buyers",
            "visitors to historic sites get no engaging guidance in their own language",
            "small hotels and homestays depend on booking platforms that charge high fees",
        ),
        solutions=(
            "virtual-reality tours and multilingual audio guides for heritage sites",
            "an online marketplace for craft villages that tells the artisans' stories",
            "property management and direct booking software for homestays",
        ),
        customers=(
            "heritage site managers and tour operators",
            "artisans and craft-village cooperatives",
            "homestay and small hotel owners",
        ),
        outcomes=(
            "double their online sales",
            "keep visitors for an extra night",
            "halve the commission they pay to booking platforms",
        ),
        keywords=("tourism", "cultural heritage", "craft villages", "homestays", "visitor experience"),
        expertise=("heritage management and sustainable tourism", "experience design and creative industries"),
        facilities=(
            "3D scanning and artefact digitisation studio",
            "design and prototyping workshop for creative products",
        ),
        inventions=("3D-scan workflow for digitising artefacts", "location-aware automatic audio guide"),
        services=("heritage digitisation and virtual-reality content", "tourism market research"),
        needs=("digitising and promoting local historic sites", "a map of rural experience tourism"),
        industries=("Travel", "Handicrafts"),
        programs=("smart tourism and creative industries", "digital heritage and craft villages"),
    ),
)

THEMES = (FINTECH, CYBERSECURITY, TOURISM_CREATIVE)
