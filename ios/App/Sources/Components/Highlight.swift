import AlongsideCore
import SwiftUI

/// `text` with the core's spans marked (bold and underlined, not by colour alone). The core gives
/// each span in UTF-16 units; spans that no longer fit the text are skipped.
func highlighted(_ text: String, spans: [TextSpan]) -> AttributedString {
    var attributed = AttributedString(text)
    for span in spans {
        let start = Int(span.utf16Start)
        let end = Int(span.utf16End)
        guard start >= 0, start <= end, end <= text.utf16.count,
              let range = Range(NSRange(location: start, length: end - start), in: attributed)
        else { continue }
        attributed[range].inlinePresentationIntent = .stronglyEmphasized
        attributed[range].swiftUI.underlineStyle = .single
        attributed[range].swiftUI.backgroundColor = Color.yellow.opacity(0.35)
    }
    return attributed
}
