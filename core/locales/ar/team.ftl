# الفريق كأشخاص (الأعضاء والطلبات) واجتماع الصباح للمشرف.
team-unnamed = عضو بلا اسم
team-role-lead = قائد الفريق
team-role-supervisor = مشرف
team-role-worker = عامل دعم
team-device-removed = مقطوع
team-device-admins-only = آخر اتصال: لا يعرفه إلا المسؤولون
team-device-seen = آخر ظهور { $when }
team-device-unreachable = آخر اتصال: تعذّر الوصول إلى الخادم
team-device-never = لم يره الخادم قط
team-member-summary = { $role } · { $devices ->
    [one] جهاز واحد
   *[other] { $devices } أجهزة
} · { $clients ->
    [0] لا أشخاص مدعومين
    [one] شخص مدعوم واحد
   *[other] { $clients } أشخاص مدعومين
}
team-member-covering = { $summary } · يغطي { $count ->
    [one] شخصًا واحدًا
   *[other] { $count } أشخاص
} حتى { $until }
team-day-month = { $day } { $month }
team-member-left = { $summary } · غادر الفريق
team-request-done = تم
team-request-due = مطلوب بحلول { $day }
team-request-open = مفتوح
team-request-summary = طلب من { $name }: { $text }
team-list-separator = {"، "}
today-requests = { $count ->
    [one] طلب واحد من مشرفك
   *[other] { $count } طلبات من مشرفك
}
briefing-title = اجتماع الصباح
briefing-counts = { $visits ->
    [0] لا زيارات اليوم
    [one] زيارة واحدة اليوم
   *[other] { $visits } زيارات اليوم
} · { $incidents ->
    [0] لا حوادث مفتوحة
    [one] حادثة مفتوحة واحدة
   *[other] { $incidents } حوادث مفتوحة
} · { $overdue ->
    [0] لا متابعات متأخرة
    [one] متابعة متأخرة واحدة
   *[other] { $overdue } متابعات متأخرة
}
briefing-incident-waits = بانتظار { $name }: { $actions }
briefing-incident-nothing-waits = كل الإجراءات المطلوبة مسجّلة: جاهزة للإغلاق.
briefing-unsigned = { $count ->
    [one] ملاحظة واحدة غير موقّعة
   *[other] { $count } ملاحظات غير موقّعة
}، أقدمها منذ { $days ->
    [one] يوم واحد
   *[other] { $days } أيام
}
briefing-dependence = منذ { $weeks } أسابيع والعمل مع هذا الشخص مناصرة، دون تسجيل أي خطوة تمكين. هل يمكن أن تخطط الزيارة القادمة لخطوة يقوم بها بنفسه، مع الدعم؟
briefing-supervision-asked = { $name } يطلب جلسة إشراف.
briefing-supervision-topics = { $name } يطلب جلسة إشراف: { $topics }
briefing-debrief-shared = { $name } شارك مراجعة يومه: كان اليوم { $score } من 10.
notify-inform-title = يجب إبلاغ المشرف: { $kind }
notify-inform-body = سجّلها { $name } مع { $client } في { $day }.
