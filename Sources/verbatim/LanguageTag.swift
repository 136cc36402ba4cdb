/// BCP 47 tags as the engines take them: the primary language subtag, lower case (`zh-CN` → `zh`).
enum LanguageTag {
    static func primary(_ tag: String) -> String {
        String(tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }
}
