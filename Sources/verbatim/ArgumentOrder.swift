/// Global options (`--db`, `--config`) may come before the subcommand, as git, docker and kubectl
/// take them: `verbatim --db X list` is read as `verbatim list --db X`. ArgumentParser reads
/// options before a subcommand's name as the default subcommand's (`record`), which then refused
/// the name itself as an unexpected argument.
enum ArgumentOrder {
    /// The options every subcommand takes, each followed by a value (`--db X` or `--db=X`).
    static let globalOptions = ["--db", "--config"]

    /// What went wrong with the words before the subcommand, worded for the user.
    enum Problem: Equatable {
        /// A bare word where a subcommand goes, and the nearest subcommand's name, if any is near.
        case unknownSubcommand(String, suggestion: String?)
        /// A subcommand's options typed before its name (`verbatim --json list`).
        case optionsBeforeSubcommand(String, options: [String])
        /// A negative number where a meeting id goes, which ArgumentParser reads as an option.
        case negativeMeetingID(String)
    }

    /// The arguments with leading global options moved after the subcommand's name, or the problem
    /// with the word where a subcommand should be.
    static func normalized(_ arguments: [String], subcommands: [String]) -> Result<[String], ProblemError> {
        var leading: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if globalOptions.contains(argument) {
                leading += arguments[index..<min(index + 2, arguments.endIndex)]
                index += 2
            } else if let option = globalOptions.first(where: { argument.hasPrefix($0 + "=") }) {
                // Split: ArgumentParser reads a bare `--db=` as wanting the next word for its value.
                leading += [option, String(argument.dropFirst(option.count + 1))]
                index += 1
            } else {
                break
            }
        }
        guard index < arguments.endIndex else { return .success(arguments) }
        let word = arguments[index]
        if subcommands.contains(word) { return .success([word] + leading + arguments[(index + 1)...]) }
        // `record`, the default, takes no positional argument: a bare word here was meant as a subcommand.
        if !word.hasPrefix("-"), word != "help" {
            return .failure(ProblemError(.unknownSubcommand(word, suggestion: nearest(to: word, in: subcommands))))
        }
        return .success(arguments)
    }

    /// Why a parse failed, when it is one of the mistakes ArgumentParser words confusingly, from what
    /// was typed. Asked only once parsing has failed, so a value that happens to be a subcommand's
    /// name (`--title list`) is never misread.
    /// - Parameter parserMessage: ArgumentParser's message, which must be about the same word.
    static func explanation(_ typed: [String], normalized: [String], subcommands: [String], parserMessage: String)
        -> ProblemError?
    {
        if let number = typed.first(where: {
            $0.count > 1 && $0.hasPrefix("-") && $0.dropFirst().allSatisfy(\.isNumber)
        }),
            parserMessage.contains("'\(number)'") || parserMessage.contains("Missing expected argument")
        {
            return ProblemError(.negativeMeetingID(number))
        }
        // Options before a subcommand that are not global ones: nothing was moved.
        guard typed == normalized, typed.first?.hasPrefix("-") == true,
            let name = typed.dropFirst().first(where: { subcommands.contains($0) }),
            parserMessage.contains("nexpected argument"), parserMessage.contains("'\(name)'")
        else { return nil }
        return ProblemError(.optionsBeforeSubcommand(name, options: Array(typed.prefix { $0 != name })))
    }

    /// The subcommand within two edits of `word` (a typo), the closest first.
    static func nearest(to word: String, in names: [String]) -> String? {
        names.map { (name: $0, distance: editDistance(word, $0)) }
            .filter { $0.distance <= 2 && $0.distance < $0.name.count }
            .min { $0.distance < $1.distance }?.name
    }

    /// Levenshtein distance, for "did you mean".
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    struct ProblemError: Error {
        let problem: Problem
        init(_ problem: Problem) { self.problem = problem }

        var message: String {
            switch problem {
            case let .unknownSubcommand(word, suggestion):
                let hint = suggestion.map { " Did you mean '\($0)'?" } ?? " See 'verbatim --help' for the commands."
                return "verbatim: '\(word)' is not a verbatim command.\(hint)"
            case let .optionsBeforeSubcommand(name, options):
                return
                    "verbatim: '\(name)' must come before its options: verbatim \(name) \(options.joined(separator: " ")) ..."
                    + " (only --db and --config may come first)."
            case let .negativeMeetingID(number):
                return
                    "verbatim: \(number) is not a meeting id: ids are positive (see 'verbatim list'); 'latest' is the newest meeting."
            }
        }
    }
}
