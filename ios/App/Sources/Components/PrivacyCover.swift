import SwiftUI

/// What the app switcher's snapshot shows: the app's content blurred under an opaque cover
/// whenever the scene is not active. iOS takes the snapshot as the app goes inactive, so nothing
/// of a client's screen is in it.
struct PrivacyCover: ViewModifier {
    let hidden: Bool

    func body(content: Content) -> some View {
        content
            .blur(radius: hidden ? 30 : 0)
            .overlay {
                if hidden {
                    ZStack {
                        Color(uiColor: .systemBackground).ignoresSafeArea()
                        Image(systemName: "lock.fill")
                            .font(.largeTitle)
                            .accessibilityHidden(true)
                    }
                }
            }
            .accessibilityHidden(hidden)
    }
}

extension View {
    func privacyCover(hidden: Bool) -> some View { modifier(PrivacyCover(hidden: hidden)) }
}
