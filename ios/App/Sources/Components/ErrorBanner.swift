import SwiftUI
import UIKit

/// A dismissable error in the core's words and the reader's language, announced by VoiceOver
/// when it appears.
struct ErrorBanner: View {
    let error: Error?
    let dismiss: () -> Void
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang

    var body: some View {
        if let error, let text = ErrorText.message(error, lang) {
            HStack(alignment: .top, spacing: 12) {
                Image(systemName: "exclamationmark.triangle.fill").accessibilityHidden(true)
                Text(text).frame(maxWidth: .infinity, alignment: .leading)
                Button(action: dismiss) {
                    Image(systemName: "xmark").frame(minWidth: 44, minHeight: 44)
                }
                .accessibilityLabel(Text(words.actionDismiss))
            }
            .padding(12)
            .background(Color.red.opacity(0.12), in: RoundedRectangle(cornerRadius: 12))
            .onAppear { UIAccessibility.post(notification: .announcement, argument: text) }
        }
    }
}
