/// One terminal cell: a grapheme and the role that styles it.
///
/// A wide character (CJK, most emoji) sits in its first cell; the cell after it holds `""` (a
/// continuation) so columns stay aligned and the diff never writes half a character.
package struct Cell: Sendable, Equatable {
    package var text: String
    package var role: StyleRole
    /// Two columns wide (its next cell is a continuation); kept so nothing measures it again.
    package var isWide: Bool

    package init(_ text: String, _ role: StyleRole, isWide: Bool = false) {
        self.text = text
        self.role = role
        self.isWide = isWide
    }

    package static let blank = Cell(" ", .plain)

    package var isContinuation: Bool { text.isEmpty }
}
