## Progress as a picture: each goal's two rating lines (the client's and the worker's, never
## averaged), and the sentence a screen reader speaks. $who is one of the line names below;
## $first and $last are month names (month-1 to month-12), with the year when they differ.

progress-time-axis = Month
progress-score-axis = Rating, 1 to 10
progress-mine = Your own rating
progress-workers = Your worker's rating
progress-clients-for-worker = The client's own rating
progress-mine-for-worker = Your rating
progress-review = Plan review
progress-went = { $who } went from { $from } in { $first } to { $to } in { $last }.
progress-was = { $who } was { $from } in { $first }.
progress-none = No ratings yet.
progress-month-year = { $month } { $year }

## Month names, as they stand after "in".
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
