"""Themes for health, medicines and education."""

from demo.themes.base import Theme, Words

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
    stories=((0, 0, 0, 0), (1, 1, 0, 0), (2, 2, 1, 1)),
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
        programs=("y tế số và khám bệnh từ xa", "chuyển đổi số bệnh viện tuyến huyện"),
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
        programs=("digital health and telemedicine", "digital district hospitals"),
    ),
)

MEDICAL_DEVICES = Theme(
    key="medical-devices",
    sectors=("medical-devices", "electronics"),
    technologies=("Embedded systems", "Wearables", "Microfluidics", "3D printing", "Medical imaging"),
    locations=("ho-chi-minh", "ha-noi", "bac-ninh", "da-nang"),
    stories=((0, 0, 0, 1), (1, 1, 0, 0), (2, 2, 1, 1)),
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
        programs=("thiết bị y tế sản xuất trong nước", "thiết bị chẩn đoán cho y tế cơ sở"),
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
        programs=("locally made medical devices", "diagnostic devices for primary care"),
    ),
)

PHARMA_BIOTECH = Theme(
    key="pharma-biotech",
    sectors=("pharmaceuticals", "food-processing"),
    technologies=("Biotechnology", "Fermentation", "Nanomaterials", "Machine learning"),
    locations=("ho-chi-minh", "ha-noi", "lam-dong", "can-tho", "dong-nai"),
    stories=((0, 1, 0, 2), (2, 0, 0, 0), (2, 0, 1, 1), (2, 2, 0, 0)),
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
        outcomes=(
            "giảm phụ thuộc vào nguyên liệu nhập khẩu",
            "đạt tiêu chuẩn GACP cho vùng trồng",
            "kiểm soát được chất lượng dược liệu đầu vào",
        ),
        keywords=("dược liệu", "hoạt chất", "chiết xuất", "công nghệ sinh học", "tiêu chuẩn GMP"),
        expertise=("hóa dược và chiết xuất hợp chất thiên nhiên", "công nghệ sinh học phân tử"),
        facilities=("phòng thí nghiệm chiết xuất và tinh chế dược liệu", "hệ thống lên men quy mô pilot"),
        inventions=("cao chiết đinh lăng chuẩn hóa hoạt chất", "chủng lợi khuẩn Lactobacillus phân lập tại Việt Nam"),
        services=("kiểm nghiệm dược liệu và định lượng hoạt chất", "nghiên cứu độ ổn định thuốc theo ICH"),
        needs=("chuẩn hóa vùng trồng dược liệu theo GACP", "phát triển sản phẩm từ dược liệu địa phương"),
        industries=("Dược phẩm", "Dược liệu"),
        programs=("dược liệu và công nghệ sinh học", "phát triển sản phẩm từ dược liệu bản địa"),
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
        outcomes=(
            "depend less on imported raw materials",
            "reach GACP certification for their growing areas",
            "control the quality of the herbs they buy",
        ),
        keywords=("medicinal plants", "active compounds", "extraction", "biotechnology", "GMP standards"),
        expertise=("medicinal chemistry and natural product extraction", "molecular biotechnology"),
        facilities=("herbal extraction and purification laboratory", "pilot-scale fermentation system"),
        inventions=("standardised Polyscias extract", "Lactobacillus probiotic strain isolated in Vietnam"),
        services=("herb testing and active-compound assays", "ICH drug stability studies"),
        needs=("GACP certification of a herb-growing area", "new products from local medicinal plants"),
        industries=("Pharmaceuticals", "Herbal Medicine"),
        programs=("medicinal plants and biotechnology", "products from native medicinal plants"),
    ),
)

EDTECH = Theme(
    key="edtech",
    sectors=("edtech", "vocational-training", "ai-data"),
    technologies=("Learning analytics", "Natural language processing", "Mobile apps", "AR/VR", "Generative AI"),
    locations=("ha-noi", "ho-chi-minh", "da-nang", "hue", "nghe-an", "thai-nguyen"),
    stories=((0, 0, 0, 0), (1, 1, 1, 1), (2, 2, 0, 2)),
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
        outcomes=(
            "nâng điểm trung bình môn toán thêm 1,5 điểm",
            "rút ngắn một nửa thời gian đào tạo nhân viên mới",
            "tự tin giao tiếp tiếng Anh chỉ sau một học kỳ",
        ),
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
        programs=("công nghệ giáo dục", "đào tạo nghề và kỹ năng số"),
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
        outcomes=(
            "raise average maths scores by 1.5 points",
            "halve the onboarding time of new staff",
            "speak English with confidence after one term",
        ),
        keywords=("learning", "teachers", "pupils", "vocational training", "digital skills"),
        expertise=("educational science and competency assessment", "virtual reality for vocational training"),
        facilities=("virtual-reality classroom for technical training", "digital learning-content studio"),
        inventions=("automatic grading of Vietnamese essays", "CNC machine operation simulation course"),
        services=("outcome-based online course design", "evaluation of training programmes"),
        needs=("digital skills training for commune civil servants", "reskilling programme for electronics workers"),
        industries=("Education", "Vocational Training"),
        programs=("education technology", "vocational and digital skills training"),
    ),
)

THEMES = (DIGITAL_HEALTH, MEDICAL_DEVICES, PHARMA_BIOTECH, EDTECH)
