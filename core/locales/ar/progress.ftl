## التقدّم في صورة: خطّا التقييم (تقييم الشخص وتقييم المرافق، دون أخذ المتوسط أبدًا) والجملة
## التي يقرؤها قارئ الشاشة.

progress-time-axis = الشهر
progress-score-axis = التقييم، من 1 إلى 10
progress-mine = تقييمك الخاص
progress-workers = تقييم مرافقك
progress-clients-for-worker = تقييم الشخص نفسه
progress-mine-for-worker = تقييمك
progress-review = مراجعة الخطة
progress-went = { $who } تغيّر من { $from } في { $first } إلى { $to } في { $last }.
progress-was = { $who } كان { $from } في { $first }.
progress-none = لا توجد تقييمات بعد.
progress-month-year = { $month } { $year }

month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
