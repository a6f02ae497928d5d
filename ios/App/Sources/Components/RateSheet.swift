import SwiftUI

/// A rating on the neutral 1-to-10 scale with optional words; the core checks the score.
struct RateSheet: View {
    let title: String
    let save: (Int32, String?) -> Void
    @Environment(\.dismiss) private var dismiss
    @State private var score = 5.0
    @State private var words = ""

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    Text("\(Int(score)) out of 10").font(.title2)
                    Slider(value: $score, in: 1...10, step: 1)
                        .accessibilityValue(Text("\(Int(score)) out of 10"))
                }
                Section {
                    TextField("Words (optional)", text: $words, axis: .vertical)
                }
            }
            .navigationTitle(title)
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) { Button("Cancel") { dismiss() } }
                ToolbarItem(placement: .confirmationAction) {
                    Button("Save") {
                        save(Int32(score), words.isEmpty ? nil : words)
                        dismiss()
                    }
                }
            }
        }
    }
}
