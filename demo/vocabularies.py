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
    ("Viện Công nghệ Tài chính Bến Nghé", "Ben Nghe Institute of Financial Technology", "ho-chi-minh",
     ("fintech", "cybersecurity")),
)  # fmt: skip
GOVERNMENT_AGENCIES = (
    ("Ban Quản lý Khu Công nghệ số Sông Bé", "Song Be Digital Technology Park Authority", "ho-chi-minh",
     ("industry-4", "electronics-semiconductors", "e-government")),
    ("Trung tâm Chuyển đổi số Đô thị Thủ Dầu Một", "Thu Dau Mot Urban Digital Transformation Centre",
     "ho-chi-minh", ("e-government", "mobility", "public-safety")),
    ("Quỹ Đổi mới Công nghệ Vùng Đông Nam Bộ", "Southeast Region Technology Innovation Fund", "ho-chi-minh",
     ("industry-4", "materials", "renewable-energy", "digital-health", "pharma-biotech")),
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
     ("electronics-semiconductors", "cybersecurity", "digital-health", "medical-devices")),
    ("Mạng lưới Cố vấn Khởi nghiệp Phù Sa", "Phu Sa Startup Mentor Network", "ho-chi-minh",
     ("fintech", "edtech", "logistics")),
)  # fmt: skip
INVESTORS = (
    ("Quỹ Đầu tư Mạo hiểm Lúa Vàng", "Golden Rice Ventures", "ho-chi-minh", ("smart-farming", "food-traceability")),
    ("Blue Delta Capital", "Blue Delta Capital", "ho-chi-minh", ("aquaculture", "fintech", "logistics")),
    ("Quỹ Khởi nghiệp Phù Sa", "Phu Sa Seed Fund", "can-tho", ("smart-farming", "circular-economy")),
    ("Lotus Bridge Angels", "Lotus Bridge Angels", "ha-noi", ("digital-health", "edtech", "cybersecurity")),
)  # fmt: skip
# The institutions that work in English (an international accelerator, foreign investors, an AI institute
# hiring abroad): they write everything in English; all others write in Vietnamese.
ENGLISH_INSTITUTIONS = frozenset(
    {
        "Mekong Delta Startup Accelerator",
        "Blue Delta Capital",
        "Lotus Bridge Angels",
        "Thu Thiem Institute for Applied AI",
    }
)
ENTERPRISE_FORMS = {
    "vi": ("Công ty Cổ phần {industry} {place}", "Công ty TNHH {industry} {place}", "Tổng Công ty {industry} {place}"),
    "en": ("{place} {industry} JSC", "{place} {industry} Co., Ltd.", "{place} {industry} Corporation"),
}
# Startup names: a theme brand plus one of these, or a Vietnamese name with one of the prefixes.
BRAND_SUFFIXES = ("Sense", "Tech", "Labs", "AI", "Link", "Go", "Hub", "Works", "Flow", "Mind", "Net", "ify", "X",
                  "Care", "Loop", "Matic", "Pulse", "Wise")  # fmt: skip
VI_NAME_FORMS = ("{brand}", "{brand} {place}", "Công nghệ {brand}", "{brand} Việt Nam", "Giải pháp {brand}")

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
