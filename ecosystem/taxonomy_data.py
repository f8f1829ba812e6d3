"""The vocabularies every Helix installation starts with (moderators edit them afterwards).

Locations are Vietnam's 34 provincial units in force since the 2025 merger (Resolution
202/2025/QH15); the provinces merged into them are kept as aliases so that "Bình Dương" still
finds Ho Chi Minh City.
"""

# (slug, kind, Vietnamese name, English name, former provinces and other names)
LOCATIONS = [
    ("ha-noi", "city", "Hà Nội", "Hanoi", []),
    ("hue", "city", "Huế", "Hue", ["Thừa Thiên Huế", "Thua Thien Hue"]),
    ("hai-phong", "city", "Hải Phòng", "Hai Phong", ["Hải Dương"]),
    ("da-nang", "city", "Đà Nẵng", "Da Nang", ["Quảng Nam"]),
    (
        "ho-chi-minh",
        "city",
        "Thành phố Hồ Chí Minh",
        "Ho Chi Minh City",
        ["TP. Hồ Chí Minh", "TP.HCM", "HCMC", "Sài Gòn", "Saigon", "Bình Dương", "Bà Rịa – Vũng Tàu", "Vũng Tàu"],
    ),
    ("can-tho", "city", "Cần Thơ", "Can Tho", ["Sóc Trăng", "Hậu Giang"]),
    ("lai-chau", "province", "Lai Châu", "Lai Chau", []),
    ("dien-bien", "province", "Điện Biên", "Dien Bien", []),
    ("son-la", "province", "Sơn La", "Son La", []),
    ("lang-son", "province", "Lạng Sơn", "Lang Son", []),
    ("quang-ninh", "province", "Quảng Ninh", "Quang Ninh", []),
    ("thanh-hoa", "province", "Thanh Hóa", "Thanh Hoa", []),
    ("nghe-an", "province", "Nghệ An", "Nghe An", []),
    ("ha-tinh", "province", "Hà Tĩnh", "Ha Tinh", []),
    ("cao-bang", "province", "Cao Bằng", "Cao Bang", []),
    ("tuyen-quang", "province", "Tuyên Quang", "Tuyen Quang", ["Hà Giang"]),
    ("lao-cai", "province", "Lào Cai", "Lao Cai", ["Yên Bái"]),
    ("thai-nguyen", "province", "Thái Nguyên", "Thai Nguyen", ["Bắc Kạn"]),
    ("phu-tho", "province", "Phú Thọ", "Phu Tho", ["Vĩnh Phúc", "Hòa Bình"]),
    ("bac-ninh", "province", "Bắc Ninh", "Bac Ninh", ["Bắc Giang"]),
    ("hung-yen", "province", "Hưng Yên", "Hung Yen", ["Thái Bình"]),
    ("ninh-binh", "province", "Ninh Bình", "Ninh Binh", ["Hà Nam", "Nam Định"]),
    ("quang-tri", "province", "Quảng Trị", "Quang Tri", ["Quảng Bình"]),
    ("quang-ngai", "province", "Quảng Ngãi", "Quang Ngai", ["Kon Tum"]),
    ("gia-lai", "province", "Gia Lai", "Gia Lai", ["Bình Định"]),
    ("khanh-hoa", "province", "Khánh Hòa", "Khanh Hoa", ["Ninh Thuận"]),
    ("lam-dong", "province", "Lâm Đồng", "Lam Dong", ["Đắk Nông", "Bình Thuận"]),
    ("dak-lak", "province", "Đắk Lắk", "Dak Lak", ["Phú Yên"]),
    ("dong-nai", "province", "Đồng Nai", "Dong Nai", ["Bình Phước"]),
    ("tay-ninh", "province", "Tây Ninh", "Tay Ninh", ["Long An"]),
    ("vinh-long", "province", "Vĩnh Long", "Vinh Long", ["Bến Tre", "Trà Vinh"]),
    ("dong-thap", "province", "Đồng Tháp", "Dong Thap", ["Tiền Giang"]),
    ("ca-mau", "province", "Cà Mau", "Ca Mau", ["Bạc Liêu"]),
    ("an-giang", "province", "An Giang", "An Giang", ["Kiên Giang"]),
    ("other-country", "other_country", "Nước ngoài", "Other country", ["Quốc tế", "International"]),
]

# (slug, order, Vietnamese, English)
STAGES = [
    ("idea", 1, "Ý tưởng", "Idea"),
    ("prototype", 2, "Nguyên mẫu", "Prototype"),
    ("mvp", 3, "Sản phẩm khả dụng tối thiểu (MVP)", "Minimum viable product (MVP)"),
    ("early-revenue", 4, "Có doanh thu ban đầu", "Early revenue"),
    ("growth", 5, "Tăng trưởng", "Growth"),
]

# (level, Vietnamese, English)
READINESS_LEVELS = [
    (1, "Nguyên lý cơ bản được quan sát", "Basic principles observed"),
    (2, "Hình thành khái niệm công nghệ", "Technology concept formulated"),
    (3, "Chứng minh khái niệm bằng thực nghiệm", "Experimental proof of concept"),
    (4, "Công nghệ được kiểm chứng trong phòng thí nghiệm", "Technology validated in the lab"),
    (5, "Công nghệ được kiểm chứng trong môi trường liên quan", "Technology validated in a relevant environment"),
    (6, "Trình diễn trong môi trường liên quan", "Technology demonstrated in a relevant environment"),
    (7, "Trình diễn nguyên mẫu trong môi trường vận hành", "System prototype demonstrated in operation"),
    (8, "Hệ thống hoàn chỉnh và đạt chuẩn", "System complete and qualified"),
    (9, "Hệ thống được chứng minh trong vận hành thực tế", "Actual system proven in operation"),
]

# (slug, Vietnamese, English, [(slug, Vietnamese, English), …])
SECTORS = [
    (
        "agriculture",
        "Nông nghiệp",
        "Agriculture",
        [
            ("smart-farming", "Nông nghiệp thông minh", "Smart farming"),
            ("aquaculture", "Nuôi trồng thủy sản", "Aquaculture"),
            ("food-processing", "Chế biến thực phẩm", "Food processing"),
        ],
    ),
    (
        "health",
        "Y tế và chăm sóc sức khỏe",
        "Health and care",
        [
            ("digital-health", "Y tế số", "Digital health"),
            ("medical-devices", "Thiết bị y tế", "Medical devices"),
            ("pharmaceuticals", "Dược phẩm", "Pharmaceuticals"),
        ],
    ),
    (
        "education",
        "Giáo dục",
        "Education",
        [
            ("edtech", "Công nghệ giáo dục", "Education technology"),
            ("vocational-training", "Đào tạo nghề", "Vocational training"),
        ],
    ),
    (
        "manufacturing",
        "Sản xuất",
        "Manufacturing",
        [
            ("industry-4", "Công nghiệp 4.0", "Industry 4.0"),
            ("electronics", "Điện tử", "Electronics"),
            ("materials", "Vật liệu mới", "Advanced materials"),
        ],
    ),
    (
        "energy-environment",
        "Năng lượng và môi trường",
        "Energy and environment",
        [
            ("renewable-energy", "Năng lượng tái tạo", "Renewable energy"),
            ("circular-economy", "Kinh tế tuần hoàn", "Circular economy"),
            ("water", "Tài nguyên nước", "Water"),
        ],
    ),
    (
        "smart-city",
        "Đô thị thông minh",
        "Smart city",
        [
            ("mobility", "Giao thông thông minh", "Smart mobility"),
            ("e-government", "Chính quyền số", "Digital government"),
            ("public-safety", "An ninh và an toàn công cộng", "Public safety"),
        ],
    ),
    (
        "finance",
        "Tài chính",
        "Finance",
        [
            ("fintech", "Công nghệ tài chính", "Fintech"),
            ("insurtech", "Công nghệ bảo hiểm", "Insurtech"),
        ],
    ),
    (
        "ict",
        "Công nghệ thông tin và truyền thông",
        "Information and communication technology",
        [
            ("ai-data", "Trí tuệ nhân tạo và dữ liệu", "AI and data"),
            ("cybersecurity", "An ninh mạng", "Cybersecurity"),
            ("iot", "Internet vạn vật", "Internet of things"),
            ("semiconductors", "Bán dẫn", "Semiconductors"),
        ],
    ),
    (
        "logistics",
        "Logistics và thương mại",
        "Logistics and trade",
        [
            ("e-commerce", "Thương mại điện tử", "E-commerce"),
            ("supply-chain", "Chuỗi cung ứng", "Supply chain"),
        ],
    ),
    (
        "tourism-culture",
        "Du lịch và văn hóa",
        "Tourism and culture",
        [
            ("tourism", "Du lịch", "Tourism"),
            ("creative-industries", "Công nghiệp sáng tạo", "Creative industries"),
        ],
    ),
]

TECHNOLOGY_SUGGESTIONS = [
    "Machine learning",
    "Computer vision",
    "Natural language processing",
    "Blockchain",
    "IoT sensors",
    "Drones",
    "Robotics",
    "5G",
    "Edge computing",
    "Cloud computing",
    "Big data",
    "Digital twin",
    "GIS",
    "Biotechnology",
    "Nanomaterials",
    "Battery storage",
    "Solar PV",
    "3D printing",
    "AR/VR",
    "Cybersecurity",
    "Embedded systems",
    "LoRaWAN",
    "Semiconductor design",
    "Mobile apps",
]
