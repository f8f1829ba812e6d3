"""Themes for the smart city: mobility, water, digital government and public safety."""

from demo.themes.base import Theme, Words

MOBILITY = Theme(
    key="mobility",
    sectors=("mobility", "ai-data"),
    technologies=("Computer vision", "Edge computing", "GIS", "Electric vehicles", "Big data", "Mobile apps"),
    locations=("ho-chi-minh", "ha-noi", "da-nang", "hai-phong", "can-tho"),
    stories=((0, 0, 0, 0), (1, 1, 0, 1), (2, 2, 2, 2)),
    vi=Words(
        brands=("Đèn Xanh", "Phố Thông", "Xe Buýt Số", "Lộ Trình", "Bãi Đỗ Nhanh"),
        problems=(
            "đèn tín hiệu chạy theo chu kỳ cố định nên các nút giao ùn tắc kéo dài giờ cao điểm",
            "người dân không biết xe buýt còn bao lâu nữa mới tới nên ngại đi phương tiện công cộng",
            "tài xế mất trung bình hai mươi phút để tìm chỗ đỗ xe ở trung tâm thành phố",
        ),
        solutions=(
            "hệ thống điều khiển đèn tín hiệu thích ứng dùng camera đếm xe",
            "ứng dụng theo dõi xe buýt theo thời gian thực và thanh toán vé bằng mã QR",
            "cảm biến bãi đỗ xe và bản đồ chỗ trống trên điện thoại",
        ),
        customers=(
            "sở giao thông vận tải và ban quản lý giao thông đô thị",
            "người đi làm bằng phương tiện công cộng",
            "ban quản lý bãi đỗ xe và trung tâm thương mại",
        ),
        outcomes=(
            "giảm 20% thời gian chờ tại nút giao",
            "tăng 15% lượng khách đi xe buýt",
            "rút thời gian tìm chỗ đỗ xe xuống dưới năm phút",
        ),
        keywords=("giao thông", "ùn tắc", "xe buýt", "đèn tín hiệu", "bãi đỗ xe"),
        expertise=("kỹ thuật giao thông và mô phỏng dòng xe", "thị giác máy tính cho camera giao thông"),
        facilities=("trung tâm mô phỏng giao thông đô thị", "làn thử nghiệm xe điện và xe tự hành"),
        inventions=(
            "thuật toán điều khiển đèn tín hiệu học tăng cường",
            "bộ đếm xe bằng camera chạy trên thiết bị biên",
        ),
        services=("khảo sát và dự báo lưu lượng giao thông", "đánh giá tác động giao thông cho dự án"),
        needs=(
            "điều khiển đèn tín hiệu thông minh cho các nút giao trọng điểm",
            "dữ liệu lưu lượng giao thông theo thời gian thực",
        ),
        industries=("Vận tải Hành khách", "Xe điện"),
        programs=("giao thông thông minh", "giao thông công cộng và bãi đỗ xe thông minh"),
    ),
    en=Words(
        brands=("Move", "Transit", "Ride", "Park", "Lane"),
        problems=(
            "traffic lights run on fixed cycles, so junctions stay jammed through the rush hour",
            "people cannot tell when the next bus will come, so they avoid public transport",
            "drivers spend twenty minutes on average looking for a parking space downtown",
        ),
        solutions=(
            "adaptive traffic-signal control using vehicle-counting cameras",
            "a live bus-tracking app with QR ticketing",
            "parking sensors with a phone map of free spaces",
        ),
        customers=(
            "city transport departments and traffic management boards",
            "commuters who use public transport",
            "car-park operators and shopping centres",
        ),
        outcomes=(
            "cut waiting time at junctions by 20%",
            "win 15% more bus passengers",
            "cut the time drivers spend looking for a space to under five minutes",
        ),
        keywords=("traffic", "congestion", "buses", "traffic signals", "parking"),
        expertise=("traffic engineering and flow simulation", "computer vision for traffic cameras"),
        facilities=("urban traffic simulation centre", "test lane for electric and autonomous vehicles"),
        inventions=("reinforcement-learning traffic-signal controller", "edge-device camera vehicle counter"),
        services=("traffic counts and forecasts", "traffic impact assessment for projects"),
        needs=("smart traffic-signal control for key junctions", "real-time traffic flow data"),
        industries=("Passenger Transport", "Electric Vehicles"),
        programs=("smart mobility", "public transport and smart parking"),
    ),
)

URBAN_WATER = Theme(
    key="urban-water",
    sectors=("water", "iot"),
    technologies=("IoT sensors", "GIS", "Digital twin", "Membrane filtration", "Machine learning", "LoRaWAN"),
    locations=("ho-chi-minh", "can-tho", "hue", "da-nang", "vinh-long", "ha-noi"),
    stories=((0, 0, 0, 0), (1, 1, 1, 1), (2, 2, 2, 2)),
    vi=Words(
        brands=("Nước Sạch", "Giọt Nước", "Dòng Chảy", "Thủy Văn Số", "Mạch Nước"),
        problems=(
            "mạng lưới cấp nước thất thoát gần một phần tư lượng nước vì rò rỉ ngầm khó phát hiện",
            "mưa lớn kết hợp triều cường khiến nhiều tuyến đường ngập mà người dân không được cảnh báo trước",
            "nước sinh hoạt ở vùng ven biển nhiễm mặn vào mùa khô",
        ),
        solutions=(
            "cảm biến áp suất và âm thanh phát hiện rò rỉ đường ống cấp nước",
            "hệ thống cảnh báo ngập đô thị từ trạm đo mưa và mực nước",
            "máy lọc nước lợ thành nước ngọt dùng năng lượng mặt trời",
        ),
        customers=(
            "công ty cấp thoát nước",
            "chính quyền đô thị và người dân vùng ngập",
            "hộ gia đình và trường học vùng ven biển",
        ),
        outcomes=(
            "giảm tỷ lệ thất thoát nước xuống dưới 15%",
            "cảnh báo ngập trước 30 phút",
            "có nước ngọt an toàn quanh năm",
        ),
        keywords=("cấp nước", "thoát nước", "ngập đô thị", "rò rỉ", "nước sạch"),
        expertise=("thủy văn đô thị và mô hình ngập lụt", "công nghệ xử lý nước và màng lọc"),
        facilities=("phòng thí nghiệm thủy lực và mô hình vật lý", "trạm pilot xử lý nước cấp"),
        inventions=("màng lọc nano xử lý nước lợ", "mô hình dự báo ngập thời gian thực"),
        services=("kiểm định chất lượng nước sinh hoạt", "lập mô hình thủy lực mạng cấp nước"),
        needs=("phát hiện rò rỉ trên mạng lưới cấp nước", "cảnh báo ngập cho các tuyến đường thường xuyên ngập"),
        industries=("Cấp thoát nước", "Xử lý Nước"),
        programs=("cấp thoát nước và chống ngập đô thị", "nước sạch cho vùng ven biển"),
    ),
    en=Words(
        brands=("Hydro", "Flow", "Drop", "Aqua", "River"),
        problems=(
            "water networks lose almost a quarter of their water to hidden underground leaks",
            "heavy rain at high tide floods streets and residents get no warning",
            "tap water in coastal areas turns salty in the dry season",
        ),
        solutions=(
            "pressure and acoustic sensors that find leaks in water mains",
            "an urban flood warning system fed by rain and water-level gauges",
            "a solar-powered unit that turns brackish water into drinking water",
        ),
        customers=(
            "water utilities",
            "city authorities and residents of flood-prone areas",
            "households and schools on the coast",
        ),
        outcomes=(
            "bring water losses below 15%",
            "warn of floods 30 minutes ahead",
            "have safe drinking water all year round",
        ),
        keywords=("water supply", "drainage", "urban flooding", "leaks", "clean water"),
        expertise=("urban hydrology and flood modelling", "water treatment and membrane technology"),
        facilities=("hydraulics laboratory with physical models", "pilot water-treatment plant"),
        inventions=("nano-membrane for brackish water", "real-time flood forecasting model"),
        services=("drinking-water quality testing", "hydraulic modelling of water networks"),
        needs=("leak detection across the water network", "flood warnings for streets that flood often"),
        industries=("Water Supply and Drainage", "Water Treatment"),
        programs=("urban water and flood resilience", "clean water for coastal areas"),
    ),
)

E_GOVERNMENT = Theme(
    key="e-government",
    sectors=("e-government", "ai-data"),
    technologies=("Natural language processing", "Cloud computing", "Open data", "Generative AI", "Mobile apps"),
    locations=("ho-chi-minh", "ha-noi", "da-nang", "hue", "quang-ninh", "ninh-binh"),
    stories=((1, 0, 0, 1), (0, 1, 0, 0), (2, 2, 1, 2)),
    vi=Words(
        brands=("Công Vụ Số", "Dân Hỏi", "Một Cửa", "Phường Số", "Hồ Sơ Nhanh"),
        problems=(
            "người dân phải nộp cùng một giấy tờ nhiều lần cho các cơ quan khác nhau",
            "cán bộ một cửa trả lời lặp lại hàng trăm câu hỏi giống nhau mỗi tuần",
            "dữ liệu của các sở ngành nằm rải rác trong bảng tính nên lãnh đạo khó ra quyết định kịp thời",
        ),
        solutions=(
            "trợ lý ảo trả lời câu hỏi về thủ tục hành chính bằng tiếng Việt",
            "nền tảng số hóa và tái sử dụng hồ sơ của người dân",
            "bảng điều hành dữ liệu đô thị tổng hợp từ các sở ngành",
        ),
        customers=("ủy ban nhân dân phường, xã và trung tâm phục vụ hành chính công", "các sở ngành cấp tỉnh"),
        outcomes=(
            "giảm một nửa thời gian giải quyết thủ tục",
            "trả lời tự động 70% câu hỏi của người dân",
            "ra quyết định dựa trên số liệu cập nhật hằng ngày",
        ),
        keywords=("dịch vụ công", "thủ tục hành chính", "chuyển đổi số", "dữ liệu mở", "chính quyền số"),
        expertise=("xử lý ngôn ngữ tự nhiên tiếng Việt", "kiến trúc chính quyền điện tử và liên thông dữ liệu"),
        facilities=("trung tâm dữ liệu thử nghiệm cho dịch vụ công", "phòng lab trải nghiệm người dùng (UX)"),
        inventions=(
            "mô hình ngôn ngữ tiếng Việt cho văn bản hành chính",
            "công cụ bóc tách thông tin giấy tờ tùy thân",
        ),
        services=("đánh giá trải nghiệm người dùng cho cổng dịch vụ công", "tư vấn chuẩn dữ liệu mở"),
        needs=("trợ lý ảo hỗ trợ người dân làm thủ tục hành chính", "kho dữ liệu dùng chung cho các sở ngành"),
        industries=("Giải pháp Phần mềm", "Dịch vụ Công nghệ Thông tin"),
        programs=("chính quyền số và dịch vụ công trực tuyến", "dữ liệu mở cho đô thị thông minh"),
    ),
    en=Words(
        brands=("Civic", "Gov", "Citizen", "Ward", "Form"),
        problems=(
            "citizens hand in the same documents again and again to different offices",
            "one-stop-shop staff answer the same hundreds of questions every week",
            "departments keep their data in scattered spreadsheets, so leaders cannot decide in time",
        ),
        solutions=(
            "a Vietnamese-language virtual assistant for questions about administrative procedures",
            "a platform that digitises citizens' documents so they can be reused",
            "a city data dashboard combining data from every department",
        ),
        customers=("ward and commune people's committees and public service centres", "provincial departments"),
        outcomes=(
            "halve the time it takes to complete a procedure",
            "answer 70% of citizens' questions automatically",
            "decide on figures updated every day",
        ),
        keywords=(
            "public services",
            "administrative procedures",
            "digital transformation",
            "open data",
            "digital government",
        ),
        expertise=("Vietnamese natural language processing", "e-government architecture and data exchange"),
        facilities=("test data centre for public services", "user-experience (UX) lab"),
        inventions=("Vietnamese language model for administrative documents", "ID-document information extraction"),
        services=("user-experience evaluation of public service portals", "open-data standards consulting"),
        needs=("a virtual assistant that helps citizens with procedures", "a shared data warehouse for departments"),
        industries=("Software Solutions", "IT Services"),
        programs=("digital government and online public services", "open data for smart cities"),
    ),
)

PUBLIC_SAFETY = Theme(
    key="public-safety",
    sectors=("public-safety", "iot"),
    technologies=("Computer vision", "IoT sensors", "Drones", "Edge computing", "GIS"),
    locations=("ho-chi-minh", "ha-noi", "da-nang", "hai-phong", "dong-nai"),
    stories=((0, 0, 0, 0), (1, 1, 1, 1), (2, 2, 1, 1)),
    vi=Words(
        brands=("An Toàn Phố", "Báo Cháy Số", "Mắt Thần", "Canh Gác", "Cứu Hộ Nhanh"),
        problems=(
            "cháy trong nhà ống và chung cư mini thường được phát hiện quá muộn",
            "lực lượng cứu hộ thiếu thông tin hiện trường trong những phút đầu tiên",
            "sạt lở và ngập sâu xảy ra trên các tuyến đường mà không có cảnh báo cho người đi đường",
        ),
        solutions=(
            "thiết bị báo cháy kết nối điện thoại cho hộ gia đình và chung cư mini",
            "drone trinh sát hiện trường truyền hình ảnh nhiệt về trung tâm chỉ huy",
            "hệ thống camera AI phát hiện sự cố và cảnh báo sớm",
        ),
        customers=("ban quản lý chung cư và khu trọ", "lực lượng phòng cháy chữa cháy và cứu hộ"),
        outcomes=("rút ngắn thời gian phát hiện cháy còn dưới một phút", "điều phối lực lượng cứu hộ nhanh hơn"),
        keywords=("phòng cháy chữa cháy", "cứu hộ", "cảnh báo sớm", "an toàn công cộng", "camera giám sát"),
        expertise=("an toàn cháy và kỹ thuật phòng cháy", "quản lý rủi ro thiên tai"),
        facilities=("phòng thử nghiệm cháy và khói", "trung tâm điều hành mô phỏng tình huống khẩn cấp"),
        inventions=("cảm biến khói không dây pin mười năm", "thuật toán phát hiện khói lửa từ camera"),
        services=("thẩm định giải pháp phòng cháy cho công trình", "diễn tập và đào tạo ứng phó sự cố"),
        needs=("cảnh báo cháy sớm cho khu nhà trọ công nhân", "giám sát sạt lở trên các tuyến đường đèo"),
        industries=("An ninh và An toàn", "Thiết bị Phòng cháy"),
        programs=("an toàn đô thị và phòng cháy chữa cháy", "cảnh báo sớm thiên tai"),
    ),
    en=Words(
        brands=("Safe", "Guard", "Alert", "Rescue", "Watch"),
        problems=(
            "fires in tube houses and small apartment blocks are often discovered too late",
            "rescue teams have no picture of the scene in the first minutes",
            "landslides and deep flooding hit roads without any warning to travellers",
        ),
        solutions=(
            "connected fire alarms for homes and small apartment blocks",
            "scout drones that stream thermal images to the command centre",
            "AI cameras that detect incidents and give early warnings",
        ),
        customers=("apartment and boarding-house managers", "fire and rescue services"),
        outcomes=("detect fires in under a minute", "dispatch rescue teams faster"),
        keywords=("fire safety", "rescue", "early warning", "public safety", "video surveillance"),
        expertise=("fire safety engineering", "disaster risk management"),
        facilities=("fire and smoke test laboratory", "emergency operations simulation centre"),
        inventions=("wireless smoke detector with a ten-year battery", "camera-based fire and smoke detection"),
        services=("fire-safety design review for buildings", "emergency response drills and training"),
        needs=("early fire warning for workers' boarding houses", "landslide monitoring on mountain roads"),
        industries=("Security and Safety", "Fire Protection Equipment"),
        programs=("urban safety and fire prevention", "early warning of natural hazards"),
    ),
)

THEMES = (MOBILITY, URBAN_WATER, E_GOVERNMENT, PUBLIC_SAFETY)
