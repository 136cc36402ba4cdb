import TranscriptCore

/// Meeting-like English and Chinese sentences, the same on every run (a seeded generator).
///
/// Words follow a Zipf distribution, as in real speech: a few words are very common, most are rare.
struct Corpus {
    static let functionWords = """
        the we to and a of is that it for on in this be i you so have will with are our they can do at \
        just if but not about think what should was as from there need then let me all one by going get now
        """.split(separator: " ").map(String.init)

    static let contentWords = """
        budget release deadline customer server database reconnect migration review planning quarter \
        roadmap feature design launch testing deploy deployment infrastructure latency metrics dashboard \
        incident outage rollback hiring onboarding contract vendor pricing revenue forecast marketing \
        campaign sales pipeline partner security audit compliance privacy encryption backup storage cluster \
        kubernetes container network bandwidth mobile android ios browser frontend backend api endpoint schema \
        query index cache memory performance benchmark regression bug ticket sprint retrospective standup \
        demo prototype feedback survey interview candidate offer salary promotion team manager director \
        engineering product support documentation translation localization chinese english meeting agenda \
        minutes action item owner priority blocker dependency estimate timeline milestone friday monday \
        tuesday wednesday thursday morning afternoon week month year office remote travel conference \
        workshop training certificate license invoice payment refund discount subscription renewal churn \
        retention growth acquisition funnel conversion experiment analytics report spreadsheet slide \
        presentation proposal approval decision risk mitigation scope requirement specification architecture \
        refactor cleanup technical debt monitoring alert pager oncall escalation customer_success quality \
        accessibility usability prototype wireframe mockup figma branding website newsletter webinar
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Changes whenever the generated text does (the benchmark keeps one archive per version).
    static let version = 2

    static let chineseWords = """
        预算 项目 会议 客户 服务器 数据库 第三季度 计划 发布 上线 测试 部署 延迟 指标 故障 回滚 招聘 合同 \
        供应商 价格 收入 预测 市场 销售 合作 安全 审计 合规 隐私 加密 备份 存储 集群 网络 带宽 手机 浏览器 \
        前端 后端 接口 性能 优化 问题 需求 设计 方案 评审 决定 风险 进度 里程碑 周五 周一 下午 上午 本周 \
        下个月 今年 办公室 出差 培训 发票 付款 退款 折扣 订阅 续费 增长 转化 实验 分析 报告 表格 演示 \
        我们 你们 他们 需要 已经 可以 应该 还是 因为 所以 但是 如果 然后 现在 今天 明天 一下 一起 讨论 \
        确认 安排 负责 完成 开始 结束 继续 关于 这个 那个 问题 时间 同事 团队 经理 老板 产品 工程 支持 文档
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Characters for the long tail of Chinese words.
    static let chineseCharacters = Array(
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车"
    ).map(String.init)

    private var random: SplitMix64
    private let englishVocabulary: [String]
    private let chineseVocabulary: [String]
    private let englishWeights: ZipfSampler
    private let chineseWeights: ZipfSampler

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        var vocabularyRandom = SplitMix64(seed: 0x5EED)
        englishVocabulary = Self.vocabulary(real: Self.contentWords, size: 20_000) {
            Self.pseudoWord(&vocabularyRandom)
        }
        chineseVocabulary = Self.vocabulary(real: Self.chineseWords, size: 8_000) {
            (0..<2).map { _ in Self.chineseCharacters[vocabularyRandom.next(below: Self.chineseCharacters.count)] }
                .joined()
        }
        englishWeights = ZipfSampler(count: englishVocabulary.count)
        chineseWeights = ZipfSampler(count: chineseVocabulary.count)
    }

    /// Real words at ranks 10, 40, 70, … of a Zipf vocabulary whose long tail is generated: real speech has
    /// thousands of words, and a tiny vocabulary would make every word common.
    private static func vocabulary(real: [String], size: Int, tail: () -> String) -> [String] {
        var remaining = real[...]
        return (0..<size).map { rank in
            if rank >= 10, rank % 30 == 10, let word = remaining.popFirst() { return word }
            return tail()
        }
    }

    private static func pseudoWord(_ random: inout SplitMix64) -> String {
        let onsets = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "st", "tr", "pl", "gr"]
        let vowels = ["a", "e", "i", "o", "u", "ea", "ou"]
        return (0..<(2 + random.next(below: 2))).map { _ in
            onsets[random.next(below: onsets.count)] + vowels[random.next(below: vowels.count)]
        }.joined() + ["", "s", "n", "r", "t"][random.next(below: 5)]
    }

    /// About seven in ten sentences are English, the rest Chinese, as in a bilingual team's meetings.
    mutating func sentence() -> String {
        random.next(below: 10) < 7 ? english() : chinese()
    }

    mutating func english() -> String {
        let count = 6 + random.next(below: 10)
        var words: [String] = []
        for _ in 0..<count {
            words.append(
                random.next(below: 2) == 0
                    ? Self.functionWords[random.next(below: Self.functionWords.count)]
                    : englishVocabulary[englishWeights.sample(&random)])
        }
        return words.joined(separator: " ").prefix(1).uppercased() + words.joined(separator: " ").dropFirst() + "."
    }

    /// Particles and the commonest characters, of which real Chinese has one in every few characters
    /// (的 alone is about 4 % of all text): they make single-character posting lists long, as in a real archive.
    static let chineseParticles = ["的", "的", "的", "了", "了", "是", "在", "不", "有", "我", "也", "就", "都", "和"]

    mutating func chinese() -> String {
        let count = 4 + random.next(below: 8)
        var text = ""
        for index in 0..<count {
            text += chineseVocabulary[chineseWeights.sample(&random)]
            if random.next(below: 3) == 0 {
                text += Self.chineseParticles[random.next(below: Self.chineseParticles.count)]
            }
            if index == count / 2 { text += "，" }
        }
        return text + "。"
    }
}

/// Picks index `r` with probability proportional to 1 / (r + 1).
struct ZipfSampler {
    private let cumulative: [Double]

    init(count: Int) {
        var total = 0.0
        cumulative = (0..<count).map { rank in
            total += 1.0 / Double(rank + 1)
            return total
        }
    }

    func sample(_ random: inout SplitMix64) -> Int {
        let target = random.nextUnit() * (cumulative.last ?? 1)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// A small, fast, seeded generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
