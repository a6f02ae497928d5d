import SwiftUI

/// A rating on the neutral 1-to-10 scale with optional words; the core checks the score.
struct RateSheet: View {
    let title: String
    /// The core's `ratingScale` (each score's band in words, in the reader's language).
    let scale: [Choice]
    let save: (Int32, String?) -> Void
    @Environment(\.dismiss) private var dismiss
    @State private var score = 5.0
    @State private var note = ""
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    Text(phrase(lang, .ratingScore(score: UInt32(score)))).font(.title2)
                    if let band = scale.first(where: { $0.value == String(Int(score)) }) { Text(band.label) }
                    Slider(value: $score, in: 1...10, step: 1)
                        .accessibilityValue(Text(phrase(lang, .ratingScore(score: UInt32(score)))))
                }
                Section {
                    TextField(words.fieldRatingWords, text: $note, axis: .vertical)
                }
            }
            .navigationTitle(title)
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) { Button(words.actionCancel) { dismiss() } }
                ToolbarItem(placement: .confirmationAction) {
                    Button(words.actionSave) {
                        save(Int32(score), note.isEmpty ? nil : note)
                        dismiss()
                    }
                }
            }
        }
    }
}
