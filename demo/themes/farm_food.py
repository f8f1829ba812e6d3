"""Themes for farming, fisheries and food."""

from demo.themes.base import Theme, Words

AQUACULTURE = Theme(
    key="aquaculture",
    sectors=("aquaculture", "water", "iot"),
    technologies=(
        "IoT sensors",
        "Water quality sensors",
        "Machine learning",
        "Mobile apps",
        "LoRaWAN",
        "PCR diagnostics",
        "Recirculating aquaculture systems",
    ),
    locations=("can-tho", "ca-mau", "an-giang", "dong-thap", "vinh-long", "khanh-hoa"),
    stories=((0, 0, 0, 0), (1, 0, 1, 0), (0, 1, 0, 1), (2, 2, 0, 0)),
    vi=Words(
        brands=("Tôm Xanh", "Ao Sạch", "Thủy Sản Số", "Nước Trong", "Mekong Aqua"),
        problems=(
            "người nuôi tôm có thể mất cả vụ chỉ sau một đêm khi oxy hòa tan trong ao giảm đột ngột",
            "nhiều hộ nuôi cá tra vẫn đo pH, độ mặn và nhiệt độ nước bằng tay, vài ngày mới một lần",
            "dịch bệnh trên tôm thường chỉ được phát hiện khi đã lây lan ra cả vùng nuôi",
        ),
        solutions=(
            "hệ thống cảm biến đo oxy hòa tan, pH và độ mặn, gửi cảnh báo qua điện thoại",
            "bộ điều khiển quạt nước tự động theo dữ liệu chất lượng nước",
            "ứng dụng nhật ký ao nuôi kết hợp dự báo dịch bệnh bằng học máy",
        ),
        customers=("hộ nuôi tôm thẻ chân trắng", "hợp tác xã nuôi cá tra ở Đồng bằng sông Cửu Long"),
        outcomes=("giảm 30% hao hụt mỗi vụ nuôi", "tiết kiệm một phần ba điện năng chạy quạt nước"),
        keywords=("ao nuôi tôm", "chất lượng nước", "oxy hòa tan", "độ mặn", "thủy sản"),
        expertise=("bệnh học và miễn dịch trên tôm", "mô hình hóa chất lượng nước ao nuôi"),
        facilities=(
            "phòng thí nghiệm phân tích chất lượng nước và bệnh thủy sản",
            "trại thực nghiệm nuôi tôm tuần hoàn (RAS)",
        ),
        inventions=("chế phẩm vi sinh xử lý đáy ao nuôi tôm", "cảm biến oxy hòa tan giá rẻ dùng màng quang học"),
        services=(
            "xét nghiệm PCR bệnh đốm trắng và hoại tử gan tụy trên tôm",
            "quan trắc chất lượng nước vùng nuôi theo hợp đồng",
        ),
        needs=(
            "giám sát tự động chất lượng nước cho vùng nuôi tôm tập trung",
            "truy xuất nguồn gốc con giống và thức ăn thủy sản",
        ),
        industries=("Thủy sản", "Chế biến Thủy sản Xuất khẩu"),
        programs=("nuôi trồng thủy sản thông minh vùng Đồng bằng sông Cửu Long", "nuôi tôm công nghệ cao"),
    ),
    en=Words(
        brands=("Aqua", "Pond", "Shrimp", "Delta", "BlueFin"),
        problems=(
            "shrimp farmers can lose a whole crop overnight when dissolved oxygen in the pond suddenly drops",
            "many pangasius farms still measure pH, salinity and water temperature by hand, every few days",
            "shrimp diseases are usually detected only after they have spread across the farming area",
        ),
        solutions=(
            "a sensor network that measures dissolved oxygen, pH and salinity and alerts farmers by phone",
            "an automatic aerator controller driven by live water-quality data",
            "a pond logbook app with machine-learning disease forecasts",
        ),
        customers=("whiteleg shrimp farmers", "pangasius cooperatives in the Mekong Delta"),
        outcomes=("cut losses per crop by 30%", "save a third of the electricity used by aerators"),
        keywords=("shrimp ponds", "water quality", "dissolved oxygen", "salinity", "aquaculture"),
        expertise=("shrimp pathology and immunology", "water-quality modelling for aquaculture ponds"),
        facilities=("aquatic water-quality and disease laboratory", "recirculating aquaculture (RAS) pilot farm"),
        inventions=("probiotic treatment for shrimp pond sediment", "low-cost optical dissolved-oxygen sensor"),
        services=(
            "PCR testing for white spot disease and AHPND in shrimp",
            "contract water-quality monitoring for farming areas",
        ),
        needs=(
            "automated water-quality monitoring for a shared shrimp-farming zone",
            "traceability of shrimp seed and feed",
        ),
        industries=("Seafood", "Seafood Export Processing"),
        programs=("smart aquaculture in the Mekong Delta", "high-tech shrimp farming"),
    ),
)

SMART_FARMING = Theme(
    key="smart-farming",
    sectors=("smart-farming", "iot", "ai-data"),
    technologies=("IoT sensors", "Drones", "Remote sensing", "Computer vision", "LoRaWAN", "GIS", "Mobile apps"),
    locations=("lam-dong", "dak-lak", "gia-lai", "dong-thap", "an-giang", "can-tho", "ho-chi-minh"),
    stories=((0, 0, 0, 0), (1, 1, 1, 1), (2, 2, 1, 3), (3, 3, 1, 2), (3, 3, 0, 2), (4, 4, 1, 0)),
    vi=Words(
        brands=("Nông Trại Số", "Lúa Vàng", "Vườn Thông Minh", "Đất Lành", "Mầm Xanh"),
        problems=(
            "nông dân trồng sầu riêng và cà phê tưới theo kinh nghiệm nên vừa tốn nước vừa giảm năng suất",
            "sâu bệnh trên lúa lan nhanh trong khi cán bộ khuyến nông không thể thăm từng thửa ruộng",
            "xâm nhập mặn ngày càng sâu khiến nhà vườn không biết khi nào nên lấy nước vào ruộng",
            "nông sản bán cho thương lái không có nhật ký canh tác và hồ sơ truy xuất nguồn gốc nên thường bị ép giá",
            "nông dân trồng lúa không biết chính xác độ ẩm đất và mực nước trong ruộng nên bơm tưới tràn lan",
        ),
        solutions=(
            "hệ thống tưới nhỏ giọt tự động theo độ ẩm đất và dự báo thời tiết",
            "ứng dụng nhận diện sâu bệnh cây trồng qua ảnh chụp bằng điện thoại",
            "bản đồ độ mặn theo thời gian thực từ mạng cảm biến đặt dọc kênh rạch",
            "nhật ký canh tác điện tử gắn mã QR truy xuất nguồn gốc nông sản cho từng lô hàng",
            "mạng cảm biến IoT đo độ ẩm đất và mực nước ruộng, điều khiển trạm bơm qua điện thoại",
        ),
        customers=("nhà vườn trồng sầu riêng và cà phê", "hợp tác xã trồng lúa ở Đồng bằng sông Cửu Long"),
        outcomes=(
            "tiết kiệm 40% lượng nước tưới",
            "giảm một nửa lượng thuốc bảo vệ thực vật",
            "bán nông sản đạt chuẩn VietGAP với giá cao hơn 15%",
            "chủ động lịch lấy nước và tránh thiệt hại do xâm nhập mặn",
        ),
        keywords=(
            "độ ẩm đất",
            "tưới tiêu",
            "sâu bệnh",
            "năng suất cây trồng",
            "nông nghiệp công nghệ cao",
            "canh tác thông minh",
        ),
        expertise=(
            "khoa học đất và dinh dưỡng cây trồng",
            "viễn thám và GIS trong nông nghiệp",
            "IoT và tự động hóa trong nông nghiệp công nghệ cao",
        ),
        facilities=("nhà kính thực nghiệm có điều khiển khí hậu", "phòng phân tích đất, phân bón và dư lượng thuốc"),
        inventions=("giống lúa chịu mặn ngắn ngày", "bộ cảm biến độ ẩm đất không dây dùng pin mặt trời"),
        services=("phân tích mẫu đất và tư vấn bón phân", "bay drone khảo sát và lập bản đồ sức khỏe cây trồng"),
        needs=(
            "cảnh báo sớm xâm nhập mặn cho vùng trồng lúa",
            "số hóa nhật ký canh tác cho vùng nguyên liệu",
            "mạng cảm biến IoT đo độ ẩm đất và độ mặn cho vùng lúa chất lượng cao",
        ),
        industries=("Nông sản", "Phân bón và Vật tư Nông nghiệp"),
        programs=(
            "nông nghiệp công nghệ cao vùng Đồng bằng sông Cửu Long",
            "nông nghiệp thông minh và chuyển đổi số vùng trồng lúa",
        ),
    ),
    en=Words(
        brands=("Agri", "Farm", "Crop", "Seed", "Harvest"),
        problems=(
            "durian and coffee growers irrigate by habit, wasting water and losing yield",
            "rice pests spread quickly while extension officers cannot visit every field",
            "saltwater intrusion reaches further inland every year "
            "and orchard owners cannot tell when to take in water",
            "produce goes to middlemen without farm records or traceability, so growers are paid less",
            "rice farmers cannot tell the soil moisture and water level in their fields, "
            "so they pump far more than needed",
        ),
        solutions=(
            "automatic drip irrigation driven by soil moisture and weather forecasts",
            "a phone app that recognises crop pests and diseases from a photo",
            "a live salinity map from sensors placed along the canals",
            "digital farm records with a QR code that traces every batch of produce back to the field",
            "an IoT network that measures soil moisture and field water levels and runs the pumps from a phone",
        ),
        customers=("durian and coffee growers", "rice-growing cooperatives in the Mekong Delta"),
        outcomes=(
            "use 40% less irrigation water",
            "halve their pesticide use",
            "sell VietGAP-certified produce for 15% more",
            "plan when to take in water and avoid salinity damage",
        ),
        keywords=("soil moisture", "irrigation", "crop pests", "crop yield", "high-tech agriculture", "smart farming"),
        expertise=(
            "soil science and plant nutrition",
            "remote sensing and GIS for agriculture",
            "IoT and automation for high-tech agriculture",
        ),
        facilities=("climate-controlled experimental greenhouse", "soil, fertiliser and pesticide-residue laboratory"),
        inventions=("short-duration salt-tolerant rice variety", "solar-powered wireless soil-moisture probe"),
        services=("soil testing with fertiliser advice", "drone surveys and crop-health mapping"),
        needs=(
            "early warning of salinity intrusion for rice areas",
            "digital farm records for a sourcing region",
            "an IoT soil-moisture and salinity network for a high-quality rice area",
        ),
        industries=("Agricultural Products", "Fertiliser and Farm Supplies"),
        programs=("high-tech agriculture in the Mekong Delta", "smart farming for rice-growing areas"),
    ),
)

FOOD_TRACEABILITY = Theme(
    key="food-traceability",
    sectors=("food-processing", "supply-chain"),
    technologies=("QR traceability", "Blockchain", "Cold-chain monitoring", "Biotechnology", "Mobile apps"),
    locations=("ho-chi-minh", "dong-nai", "tay-ninh", "can-tho", "ha-noi", "hung-yen"),
    stories=((0, 0, 1, 2), (1, 0, 0, 0), (2, 1, 0, 1), (2, 1, 1, 1)),
    vi=Words(
        brands=("Bếp Việt", "Nguồn Sạch", "Chuỗi Lạnh", "Nông Sản Thật", "An Tâm"),
        problems=(
            "người tiêu dùng không kiểm chứng được nguồn gốc rau, thịt và trái cây bày bán ở chợ",
            "trái cây xuất khẩu bị trả về vì dư lượng thuốc và hồ sơ truy xuất không đầy đủ",
            "hàng lạnh hư hỏng trên đường vận chuyển mà không ai biết nhiệt độ bị vượt ngưỡng ở đâu",
        ),
        solutions=(
            "nền tảng truy xuất nguồn gốc bằng mã QR từ nông trại đến bàn ăn",
            "thiết bị ghi nhiệt độ chuỗi lạnh gửi dữ liệu lên đám mây",
            "quy trình lên men và bảo quản giúp kéo dài thời hạn sử dụng của nông sản",
        ),
        customers=("doanh nghiệp chế biến thực phẩm", "chuỗi cửa hàng thực phẩm sạch"),
        outcomes=(
            "đáp ứng hồ sơ truy xuất của thị trường xuất khẩu",
            "giảm 20% lượng hàng hư hỏng",
            "tạo niềm tin cho người mua và bán được giá cao hơn",
        ),
        keywords=("truy xuất nguồn gốc", "an toàn thực phẩm", "chuỗi lạnh", "chế biến", "bảo quản sau thu hoạch"),
        expertise=("công nghệ sau thu hoạch", "vi sinh thực phẩm và an toàn thực phẩm"),
        facilities=("xưởng chế biến thực phẩm thử nghiệm", "phòng kiểm nghiệm vi sinh và dư lượng trong thực phẩm"),
        inventions=("màng bao ăn được kéo dài thời gian bảo quản trái cây", "quy trình lên men nước mắm rút ngắn"),
        services=("kiểm nghiệm an toàn thực phẩm", "tư vấn xây dựng hồ sơ truy xuất nguồn gốc"),
        needs=(
            "truy xuất nguồn gốc cho chuỗi cung ứng nông sản xuất khẩu",
            "giám sát nhiệt độ xe lạnh theo thời gian thực",
        ),
        industries=("Thực phẩm", "Chế biến Nông sản"),
        programs=("truy xuất nguồn gốc và an toàn thực phẩm", "chế biến và bảo quản nông sản sau thu hoạch"),
    ),
    en=Words(
        brands=("Trace", "Fresh", "Origin", "Cold", "Harvest"),
        problems=(
            "shoppers cannot check where the vegetables, meat and fruit in the market come from",
            "export fruit is rejected for pesticide residues and incomplete traceability records",
            "chilled goods spoil in transit and nobody knows where the temperature went out of range",
        ),
        solutions=(
            "a farm-to-table traceability platform based on QR codes",
            "cold-chain temperature loggers that report to the cloud",
            "a fermentation and preservation process that extends the shelf life of produce",
        ),
        customers=("food processors", "organic grocery chains"),
        outcomes=(
            "meet the traceability requirements of export markets",
            "reduce spoiled stock by 20%",
            "win shoppers' trust and a better price",
        ),
        keywords=("traceability", "food safety", "cold chain", "food processing", "post-harvest storage"),
        expertise=("post-harvest technology", "food microbiology and food safety"),
        facilities=("pilot food-processing plant", "food microbiology and residue testing laboratory"),
        inventions=("edible coating that extends fruit shelf life", "accelerated fish-sauce fermentation process"),
        services=("food safety testing", "advice on building traceability records"),
        needs=(
            "traceability for an export produce supply chain",
            "live temperature monitoring for refrigerated trucks",
        ),
        industries=("Foods", "Agri-food Processing"),
        programs=("food traceability and safety", "post-harvest processing and storage"),
    ),
)

THEMES = (AQUACULTURE, SMART_FARMING, FOOD_TRACEABILITY)
