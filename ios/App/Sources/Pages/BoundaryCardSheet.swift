import AlongsideCore
import SwiftUI

/// For when the client asks for the worker's personal number: the boundary explained kindly, and
/// the agency's routes and crisis lines from the directory, every word the core's, in the
/// client's language (mirrors Android's BoundaryCardDialog).
struct BoundaryCardSheet: View {
    let card: BoundaryCard
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        NavigationStack {
            List {
                Section { Text(card.explanation) }
                Section(card.routesHeading) {
                    if card.routes.isEmpty { Text(card.noRoutes) }
                    ForEach(card.routes, id: \.name) { (route: BoundaryRoute) in RouteRow(route: route) }
                }
                if !card.crisisLines.isEmpty {
                    Section(card.crisisHeading) {
                        ForEach(card.crisisLines, id: \.name) { (route: BoundaryRoute) in RouteRow(route: route) }
                    }
                }
            }
            .navigationTitle(card.title)
            .toolbar { Button(card.close) { dismiss() } }
            .environment(\.layoutDirection, card.rightToLeft ? .rightToLeft : .leftToRight)
        }
    }
}

private struct RouteRow: View {
    let route: BoundaryRoute

    var body: some View {
        RowText(title: route.name, lines: [route.contact ?? "", route.hours ?? ""])
    }
}
