# مزامنة الفريق: عناصر "تحتاج إلى مراجعة" وسطر الحالة.
sync-review = غيّر هاتفان «{ $field }» في هذا { $kind } بشكل مختلف. اختر القيمة التي تبقى.
sync-choice = { $value }، من الهاتف { $device }، { $when }
sync-status = { $outbox ->
    [0] أُرسل كل شيء.
    [one] تغيير واحد ينتظر الإرسال.
   *[other] { $outbox } تغييرات تنتظر الإرسال.
} { $reviews ->
    [0] لا شيء للمراجعة.
    [one] سجل واحد يحتاج إلى مراجعة.
   *[other] { $reviews } سجلات تحتاج إلى مراجعة.
}
sync-status-none = هذا الهاتف ليس في أي فريق.
sync-status-waiting = في انتظار هاتف أحد المشرفين لإضافة هذا الهاتف إلى الفريق.
sync-lease-left = تبقى ملفات أشخاص الفريق مفتوحة { $days ->
    [one] يومًا واحدًا آخر
   *[other] { $days } أيام أخرى
} دون مزامنة.
sync-lease-expired = ملفات أشخاص الفريق مغلقة: لم يتصل هذا الهاتف بالخادم منذ مدة طويلة. المزامنة تفتحها من جديد.
# مراجعة رفضتها المزامنة: أي هاتف أرسلها ولماذا (وليس محتواها أبدًا).
sync-refused = رُفض تغيير من الهاتف { $device }. { $reason }
sync-refused-kind = رُفض تغيير ({ $kind }) من الهاتف { $device }. { $reason }
sync-refused-unknown-device = كاتبه ليس جهازًا من أجهزة الفريق.
sync-refused-could-not-open = تعذّر فتحه: تالف، أو غير مختوم بمفتاح الفريق.
sync-refused-bad-signature = لم يوقّعه الهاتف الذي يذكره.
sync-refused-unreadable = لا يستطيع هذا الإصدار من التطبيق قراءة محتواه.
sync-refused-record-mismatch = يشير إلى سجل يحمله هذا الهاتف على أنه سجل آخر.
