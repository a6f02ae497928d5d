package org.alongside.app.ui.client

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.Path
import androidx.compose.ui.graphics.PathEffect
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import java.time.LocalDate
import java.time.temporal.ChronoUnit
import org.alongside.core.ChartPoint
import org.alongside.core.GoalProgress
import org.alongside.core.ProgressChart

/**
 * One goal's progress as a picture: the client's line (solid) and the worker's (dashed), never
 * averaged, review days as dotted marks. A screen reader speaks the core's sentence instead of the
 * drawing; the legend is text under it.
 */
@Composable
fun GoalProgressChart(chart: ProgressChart, goal: GoalProgress, modifier: Modifier = Modifier) {
    val mine = MaterialTheme.colorScheme.primary
    val theirs = MaterialTheme.colorScheme.tertiary
    val grid = MaterialTheme.colorScheme.outlineVariant
    val min = chart.scoreMin.toFloat()
    val max = chart.scoreMax.toFloat()
    val days: List<LocalDate> = goal.clientSeries.map { it.on } + goal.workerSeries.map { it.on } + goal.reviewDays
    Column(modifier, verticalArrangement = Arrangement.spacedBy(4.dp)) {
        if (days.isNotEmpty()) {
            val first = days.min()
            val span = ChronoUnit.DAYS.between(first, days.max()).coerceAtLeast(1).toFloat()
            Canvas(
                Modifier.fillMaxWidth().height(160.dp).semantics { contentDescription = goal.sentence },
            ) {
                val x = { d: LocalDate -> size.width * ChronoUnit.DAYS.between(first, d) / span }
                val y = { score: Float -> size.height * (max - score) / (max - min) }
                for (s in listOf(min, (min + max) / 2, max)) {
                    drawLine(grid, Offset(0f, y(s)), Offset(size.width, y(s)))
                }
                for (d in goal.reviewDays) {
                    drawLine(
                        grid, Offset(x(d), 0f), Offset(x(d), size.height),
                        pathEffect = PathEffect.dashPathEffect(floatArrayOf(4f, 6f)),
                    )
                }
                fun series(points: List<ChartPoint>, color: Color, dashed: Boolean) {
                    if (points.isEmpty()) return
                    val path = Path()
                    points.forEachIndexed { i, p ->
                        val at = Offset(x(p.on), y(p.score.toFloat()))
                        if (i == 0) path.moveTo(at.x, at.y) else path.lineTo(at.x, at.y)
                        drawCircle(color, radius = 5f, center = at)
                    }
                    drawPath(
                        path, color,
                        style = Stroke(
                            width = 4f,
                            pathEffect = if (dashed) PathEffect.dashPathEffect(floatArrayOf(12f, 8f)) else null,
                        ),
                    )
                }
                series(goal.clientSeries, mine, dashed = false)
                series(goal.workerSeries, theirs, dashed = true)
            }
            Text("● ${goal.clientLabel}   ● ${goal.workerLabel}", style = MaterialTheme.typography.bodySmall)
            Text("${chart.scoreAxis} · ${chart.timeAxis}", style = MaterialTheme.typography.bodySmall)
        }
        Text(goal.sentence, style = MaterialTheme.typography.bodyMedium)
    }
}
