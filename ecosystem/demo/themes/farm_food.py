"""Themes for farming, food, health and education."""

from ecosystem.demo.themes.base import Theme, Words

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
    ),
)

SMART_FARMING = Theme(
    key="smart-farming",
    sectors=("smart-farming", "iot", "ai-data"),
    technologies=("IoT sensors", "Drones", "Remote sensing", "Computer vision", "LoRaWAN", "GIS", "Mobile apps"),
    locations=("lam-dong", "dak-lak", "gia-lai", "dong-thap", "an-giang", "can-tho", "ho-chi-minh"),
    vi=Words(
        brands=("Nông Trại Số", "Lúa Vàng", "Vườn Thông Minh", "Đất Lành", "Mầm Xanh"),
        problems=(
            "nông dân trồng sầu riêng và cà phê tưới theo kinh nghiệm nên vừa tốn nước vừa giảm năng suất",
            "sâu bệnh trên lúa lan nhanh trong khi cán bộ khuyến nông không thể thăm từng thửa ruộng",
            "xâm nhập mặn ngày càng sâu khiến nhà vườn không biết khi nào nên lấy nước vào ruộng",
        ),
        solutions=(
            "hệ thống tưới nhỏ giọt tự động theo độ ẩm đất và dự báo thời tiết",
            "ứng dụng nhận diện sâu bệnh cây trồng qua ảnh chụp bằng điện thoại",
            "bản đồ độ mặn theo thời gian thực từ mạng cảm biến đặt dọc kênh rạch",
        ),
        customers=("nhà vườn trồng sầu riêng và cà phê", "hợp tác xã trồng lúa"),
        outcomes=("tiết kiệm 40% lượng nước tưới", "giảm một nửa lượng thuốc bảo vệ thực vật"),
        keywords=("độ ẩm đất", "tưới tiêu", "sâu bệnh", "năng suất cây trồng", "nông nghiệp công nghệ cao"),
        expertise=("khoa học đất và dinh dưỡng cây trồng", "viễn thám và GIS trong nông nghiệp"),
        facilities=("nhà kính thực nghiệm có điều khiển khí hậu", "phòng phân tích đất, phân bón và dư lượng thuốc"),
        inventions=("giống lúa chịu mặn ngắn ngày", "bộ cảm biến độ ẩm đất không dây dùng pin mặt trời"),
        services=("phân tích mẫu đất và tư vấn bón phân", "bay drone khảo sát và lập bản đồ sức khỏe cây trồng"),
        needs=("cảnh báo sớm xâm nhập mặn cho vùng trồng lúa", "số hóa nhật ký canh tác cho vùng nguyên liệu"),
        industries=("Nông sản", "Phân bón và Vật tư Nông nghiệp"),
    ),
    en=Words(
        brands=("Agri", "Farm", "Crop", "Seed", "Harvest"),
        problems=(
            "durian and coffee growers irrigate by habit, wasting water and losing yield",
            "rice pests spread quickly while extension officers cannot visit every field",
            "saltwater intrusion reaches further inland every year "
            "and orchard owners cannot tell when to take in water",
        ),
        solutions=(
            "automatic drip irrigation driven by soil moisture and weather forecasts",
            "a phone app that recognises crop pests and diseases from a photo",
            "a live salinity map from sensors placed along the canals",
        ),
        customers=("durian and coffee growers", "rice-growing cooperatives"),
        outcomes=("use 40% less irrigation water", "halve their pesticide use"),
        keywords=("soil moisture", "irrigation", "crop pests", "crop yield", "high-tech agriculture"),
        expertise=("soil science and plant nutrition", "remote sensing and GIS for agriculture"),
        facilities=("climate-controlled experimental greenhouse", "soil, fertiliser and pesticide-residue laboratory"),
        inventions=("short-duration salt-tolerant rice variety", "solar-powered wireless soil-moisture probe"),
        services=("soil testing with fertiliser advice", "drone surveys and crop-health mapping"),
        needs=("early warning of salinity intrusion for rice areas", "digital farm records for a sourcing region"),
        industries=("Agricultural Products", "Fertiliser and Farm Supplies"),
    ),
)

FOOD_TRACEABILITY = Theme(
    key="food-traceability",
    sectors=("food-processing", "supply-chain"),
    technologies=("QR traceability", "Blockchain", "Cold-chain monitoring", "Biotechnology", "Mobile apps"),
    locations=("ho-chi-minh", "dong-nai", "tay-ninh", "can-tho", "ha-noi", "hung-yen"),
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
        outcomes=("đáp ứng hồ sơ truy xuất của thị trường xuất khẩu", "giảm 20% lượng hàng hư hỏng"),
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
        outcomes=("meet the traceability requirements of export markets", "reduce spoiled stock by 20%"),
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
    ),
)

DIGITAL_HEALTH = Theme(
    key="digital-health",
    sectors=("digital-health", "ai-data"),
    technologies=(
        "Telemedicine",
        "Machine learning",
        "Natural language processing",
        "Mobile apps",
        "Cloud computing",
        "Wearables",
    ),
    locations=("ho-chi-minh", "ha-noi", "da-nang", "hue", "can-tho"),
    vi=Words(
        brands=("Sức Khỏe Số", "Bác Sĩ Nhà", "Khám Nhanh", "Y Bạ", "An Khang"),
        problems=(
            "bệnh nhân ở vùng xa phải đi hàng chục cây số để tái khám bệnh mạn tính",
            "bệnh viện tuyến huyện quá tải vì lịch hẹn và hồ sơ bệnh án vẫn trên giấy",
            "người cao tuổi sống một mình dễ quên uống thuốc và không ai theo dõi huyết áp",
        ),
        solutions=(
            "nền tảng khám bệnh từ xa kết nối trạm y tế xã với bác sĩ chuyên khoa",
            "hồ sơ sức khỏe điện tử và đặt lịch khám trực tuyến cho bệnh viện",
            "ứng dụng nhắc uống thuốc kết nối máy đo huyết áp tại nhà",
        ),
        customers=("bệnh viện tuyến huyện và trạm y tế xã", "người bệnh tăng huyết áp và tiểu đường"),
        outcomes=("rút ngắn thời gian chờ khám còn một nửa", "tăng tỷ lệ tuân thủ điều trị lên 80%"),
        keywords=("khám bệnh từ xa", "hồ sơ sức khỏe điện tử", "bệnh mạn tính", "bệnh viện", "chăm sóc sức khỏe"),
        expertise=("dịch tễ học và y tế công cộng", "trí tuệ nhân tạo trong chẩn đoán hình ảnh y khoa"),
        facilities=("trung tâm mô phỏng lâm sàng", "phòng lab dữ liệu y sinh có phê duyệt đạo đức nghiên cứu"),
        inventions=("mô hình AI đọc phim X-quang phổi", "thuật toán dự báo nguy cơ tái nhập viện"),
        services=("đánh giá lâm sàng phần mềm y tế", "tư vấn bảo mật dữ liệu sức khỏe"),
        needs=("hệ thống đặt lịch và nhắc tái khám cho bệnh viện công", "nền tảng khám từ xa cho trạm y tế xã"),
        industries=("Phòng khám Đa khoa", "Dịch vụ Y tế"),
    ),
    en=Words(
        brands=("Health", "Care", "Medi", "Clinic", "Vita"),
        problems=(
            "patients in remote areas travel dozens of kilometres for routine chronic-care check-ups",
            "district hospitals are overwhelmed because appointments and medical records are still on paper",
            "older people living alone forget their medicine and nobody follows their blood pressure",
        ),
        solutions=(
            "a telemedicine platform connecting commune health stations with specialists",
            "electronic health records and online booking for hospitals",
            "a medication-reminder app connected to home blood-pressure monitors",
        ),
        customers=("district hospitals and commune health stations", "people living with hypertension or diabetes"),
        outcomes=("halve the waiting time for an appointment", "raise treatment adherence to 80%"),
        keywords=("telemedicine", "electronic health records", "chronic disease", "hospitals", "patient care"),
        expertise=("epidemiology and public health", "artificial intelligence for medical imaging"),
        facilities=("clinical simulation centre", "biomedical data lab with research-ethics approval"),
        inventions=("AI model that reads chest X-rays", "hospital readmission risk algorithm"),
        services=("clinical evaluation of health software", "health-data security consulting"),
        needs=(
            "appointment booking and follow-up reminders for a public hospital",
            "telemedicine for commune health stations",
        ),
        industries=("General Clinic", "Healthcare Services"),
    ),
)

MEDICAL_DEVICES = Theme(
    key="medical-devices",
    sectors=("medical-devices", "electronics"),
    technologies=("Embedded systems", "Wearables", "Microfluidics", "3D printing", "Medical imaging"),
    locations=("ho-chi-minh", "ha-noi", "bac-ninh", "da-nang"),
    vi=Words(
        brands=("Thiết Bị Y Việt", "Nhịp Tim", "Medi Việt", "Chẩn Đoán Nhanh", "Tâm An"),
        problems=(
            "trạm y tế xã thiếu thiết bị chẩn đoán vì máy nhập khẩu quá đắt và khó bảo trì",
            "xét nghiệm đường huyết và mỡ máu phải gửi lên tuyến trên, chờ kết quả nhiều ngày",
            "dụng cụ chỉnh hình nhập khẩu không vừa với vóc dáng người Việt",
        ),
        solutions=(
            "máy đo điện tim cầm tay kết nối điện thoại",
            "bộ xét nghiệm nhanh dùng chip vi lưu cho trạm y tế",
            "nẹp và dụng cụ chỉnh hình in 3D theo số đo từng bệnh nhân",
        ),
        customers=("trạm y tế xã và phòng khám tư", "bệnh viện chỉnh hình và phục hồi chức năng"),
        outcomes=("có kết quả xét nghiệm trong 15 phút", "giảm 60% chi phí so với thiết bị nhập khẩu"),
        keywords=("thiết bị y tế", "chẩn đoán", "xét nghiệm nhanh", "điện tim", "chỉnh hình"),
        expertise=("kỹ thuật y sinh", "thiết kế thiết bị y tế đạt chuẩn ISO 13485"),
        facilities=("phòng thử nghiệm an toàn điện thiết bị y tế", "xưởng in 3D vật liệu y sinh"),
        inventions=("điện cực dán dùng một lần giá rẻ", "chip vi lưu xét nghiệm đường huyết"),
        services=("thử nghiệm tương thích điện từ cho thiết bị y tế", "tư vấn hồ sơ đăng ký lưu hành thiết bị y tế"),
        needs=("thiết bị theo dõi bệnh nhân tại nhà sau xuất viện", "máy xét nghiệm nhanh cho trạm y tế vùng sâu"),
        industries=("Thiết bị Y tế", "Vật tư Y tế"),
    ),
    en=Words(
        brands=("Medi", "Pulse", "Cardio", "Bio", "Ortho"),
        problems=(
            "commune health stations lack diagnostic devices "
            "because imported machines are expensive and hard to maintain",
            "blood sugar and lipid tests are sent to higher-level hospitals and results take days",
            "imported orthopaedic devices do not fit Vietnamese body sizes",
        ),
        solutions=(
            "a handheld ECG monitor that connects to a phone",
            "a microfluidic rapid-test kit for health stations",
            "3D-printed braces and orthoses made to each patient's measurements",
        ),
        customers=("commune health stations and private clinics", "orthopaedic and rehabilitation hospitals"),
        outcomes=("get test results within 15 minutes", "spend 60% less than on imported devices"),
        keywords=("medical devices", "diagnostics", "rapid tests", "ECG", "orthopaedics"),
        expertise=("biomedical engineering", "ISO 13485 medical device design"),
        facilities=("electrical safety test lab for medical devices", "biomaterials 3D-printing workshop"),
        inventions=("low-cost disposable ECG electrode", "microfluidic blood-glucose chip"),
        services=("EMC testing for medical devices", "medical device registration consulting"),
        needs=("home monitoring devices for discharged patients", "rapid-test devices for remote health stations"),
        industries=("Medical Equipment", "Medical Supplies"),
    ),
)

PHARMA_BIOTECH = Theme(
    key="pharma-biotech",
    sectors=("pharmaceuticals", "food-processing"),
    technologies=("Biotechnology", "Fermentation", "Nanomaterials", "Machine learning"),
    locations=("ho-chi-minh", "ha-noi", "lam-dong", "can-tho", "dong-nai"),
    vi=Words(
        brands=("Dược Liệu Xanh", "Sâm Việt", "Sinh Học Mới", "Thảo Mộc", "Bio Việt"),
        problems=(
            "dược liệu quý như sâm và đinh lăng bị làm giả vì thiếu chuẩn kiểm định",
            "doanh nghiệp dược nhỏ phải gửi mẫu ra nước ngoài để đánh giá độ ổn định",
            "nguyên liệu làm thuốc phần lớn vẫn nhập khẩu trong khi vùng trồng dược liệu trong nước chưa đạt chuẩn",
        ),
        solutions=(
            "quy trình chiết xuất hoạt chất từ dược liệu đạt chuẩn GMP",
            "bộ kit định danh dược liệu bằng mã vạch DNA",
            "men vi sinh và thực phẩm chức năng từ chủng bản địa",
        ),
        customers=("doanh nghiệp dược và thực phẩm chức năng", "hợp tác xã trồng dược liệu"),
        outcomes=("giảm phụ thuộc vào nguyên liệu nhập khẩu", "đạt tiêu chuẩn GACP cho vùng trồng"),
        keywords=("dược liệu", "hoạt chất", "chiết xuất", "công nghệ sinh học", "tiêu chuẩn GMP"),
        expertise=("hóa dược và chiết xuất hợp chất thiên nhiên", "công nghệ sinh học phân tử"),
        facilities=("phòng thí nghiệm chiết xuất và tinh chế dược liệu", "hệ thống lên men quy mô pilot"),
        inventions=("cao chiết đinh lăng chuẩn hóa hoạt chất", "chủng lợi khuẩn Lactobacillus phân lập tại Việt Nam"),
        services=("kiểm nghiệm dược liệu và định lượng hoạt chất", "nghiên cứu độ ổn định thuốc theo ICH"),
        needs=("chuẩn hóa vùng trồng dược liệu theo GACP", "phát triển sản phẩm từ dược liệu địa phương"),
        industries=("Dược phẩm", "Dược liệu"),
    ),
    en=Words(
        brands=("Bio", "Herb", "Pharma", "Gen", "Ginseng"),
        problems=(
            "valuable medicinal herbs such as ginseng are counterfeited because there are no testing standards",
            "small drug makers send samples abroad for stability testing",
            "most pharmaceutical raw materials are imported while local herb-growing areas are not certified",
        ),
        solutions=(
            "a GMP-compliant process for extracting active compounds from medicinal plants",
            "a DNA-barcoding kit that identifies medicinal herbs",
            "probiotics and supplements from native strains",
        ),
        customers=("pharmaceutical and supplement makers", "medicinal-herb cooperatives"),
        outcomes=("depend less on imported raw materials", "reach GACP certification for their growing areas"),
        keywords=("medicinal plants", "active compounds", "extraction", "biotechnology", "GMP standards"),
        expertise=("medicinal chemistry and natural product extraction", "molecular biotechnology"),
        facilities=("herbal extraction and purification laboratory", "pilot-scale fermentation system"),
        inventions=("standardised Polyscias extract", "Lactobacillus probiotic strain isolated in Vietnam"),
        services=("herb testing and active-compound assays", "ICH drug stability studies"),
        needs=("GACP certification of a herb-growing area", "new products from local medicinal plants"),
        industries=("Pharmaceuticals", "Herbal Medicine"),
    ),
)

EDTECH = Theme(
    key="edtech",
    sectors=("edtech", "vocational-training", "ai-data"),
    technologies=("Learning analytics", "Natural language processing", "Mobile apps", "AR/VR", "Generative AI"),
    locations=("ha-noi", "ho-chi-minh", "da-nang", "hue", "nghe-an", "thai-nguyen"),
    vi=Words(
        brands=("Học Vui", "Lớp Số", "Thầy Trò", "Kỹ Năng Việt", "Bảng Xanh"),
        problems=(
            "giáo viên vùng khó khăn không có công cụ theo dõi tiến bộ của từng học sinh",
            "công nhân khu công nghiệp muốn học nghề mới nhưng không thể đến lớp theo giờ hành chính",
            "học sinh luyện tiếng Anh thiếu người nghe và sửa phát âm",
        ),
        solutions=(
            "nền tảng học tập thích ứng gợi ý bài tập theo năng lực từng học sinh",
            "khóa học nghề ngắn trên điện thoại có thực hành mô phỏng thực tế ảo",
            "trợ lý luyện nói tiếng Anh dùng nhận dạng giọng nói",
        ),
        customers=(
            "trường phổ thông và trung tâm giáo dục thường xuyên",
            "công nhân và doanh nghiệp trong khu công nghiệp",
        ),
        outcomes=("nâng điểm trung bình môn toán thêm 1,5 điểm", "rút ngắn một nửa thời gian đào tạo nhân viên mới"),
        keywords=("học tập", "giáo viên", "học sinh", "đào tạo nghề", "kỹ năng số"),
        expertise=("khoa học giáo dục và đánh giá năng lực", "công nghệ thực tế ảo trong đào tạo nghề"),
        facilities=("phòng học thực tế ảo cho đào tạo kỹ thuật", "studio sản xuất học liệu số"),
        inventions=("hệ thống chấm bài luận tiếng Việt tự động", "bộ học liệu mô phỏng vận hành máy CNC"),
        services=("thiết kế khóa học trực tuyến theo chuẩn đầu ra", "đánh giá hiệu quả chương trình đào tạo"),
        needs=(
            "đào tạo kỹ năng số cho cán bộ, công chức cấp xã",
            "chương trình đào tạo lại cho công nhân ngành điện tử",
        ),
        industries=("Giáo dục", "Đào tạo Nghề"),
    ),
    en=Words(
        brands=("Learn", "Class", "Edu", "Skill", "Tutor"),
        problems=(
            "teachers in disadvantaged areas have no tools to follow each pupil's progress",
            "factory workers want to learn a new trade but cannot attend classes during office hours",
            "pupils practising English have nobody to listen to them and correct their pronunciation",
        ),
        solutions=(
            "an adaptive learning platform that suggests exercises for each pupil's level",
            "short vocational courses on the phone with virtual-reality practice",
            "an English speaking coach built on speech recognition",
        ),
        customers=("public schools and continuing-education centres", "workers and employers in industrial parks"),
        outcomes=("raise average maths scores by 1.5 points", "halve the onboarding time of new staff"),
        keywords=("learning", "teachers", "pupils", "vocational training", "digital skills"),
        expertise=("educational science and competency assessment", "virtual reality for vocational training"),
        facilities=("virtual-reality classroom for technical training", "digital learning-content studio"),
        inventions=("automatic grading of Vietnamese essays", "CNC machine operation simulation course"),
        services=("outcome-based online course design", "evaluation of training programmes"),
        needs=("digital skills training for commune civil servants", "reskilling programme for electronics workers"),
        industries=("Education", "Vocational Training"),
    ),
)

THEMES = (AQUACULTURE, SMART_FARMING, FOOD_TRACEABILITY, DIGITAL_HEALTH, MEDICAL_DEVICES, PHARMA_BIOTECH, EDTECH)
