## الأخطاء لمن يقرؤها: ما الذي حدث، وما العمل بعده.

error-wrong-passphrase = لم تفتح عبارة المرور هذه السجلات. تحقّق منها وحاول مرة أخرى.
error-tampered = تغيّر سجلّ ({ $kind }) خارج Alongside ولم يعد موثوقًا. استعِده من نسخة احتياطية.
error-corrupt = السجلات على هذا الهاتف تالفة. استعِدها من نسخة احتياطية.
error-schema-too-new = كُتبت هذه السجلات بإصدار أحدث من Alongside. حدّث التطبيق لفتحها.
error-locked = Alongside مقفل. افتحه للمتابعة.
error-not-found = لم يعد هذا السجلّ ({ $kind }) موجودًا. ارجع واختره من جديد.
error-already-exists = في هذا المجلد سجلات من قبل. افتحها أو اختر مجلدًا فارغًا.
error-platform-key = لم ينجح الفتح بالبصمة أو الوجه. استخدم عبارة المرور؛ يمكنك تفعيله من جديد في الإعدادات.
error-too-many-attempts = محاولات كثيرة. حاول مرة أخرى بعد { $seconds ->
    [zero] لحظة
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}.
error-storage = تعذّر حفظ السجلات أو قراءتها هنا (قد تكون الذاكرة ممتلئة أو تالفة). أفرغ بعض المساحة وحاول مرة أخرى.
error-sync = تعذّرت مزامنة سجلات الفريق الآن. لم يُفقد شيء؛ حاول مرة أخرى عندما يتصل الهاتف بالشبكة.
error-backup-wrong-passphrase = عبارة مرور النسخة الاحتياطية هذه لا تفتح هذا الملف. تحقّق منها وحاول مرة أخرى.
error-backup-corrupt = ملف النسخة الاحتياطية هذا تالف أو ناقص. استخدم نسخة أخرى.
error-backup-too-new = كُتبت هذه النسخة الاحتياطية بإصدار أحدث من Alongside. حدّث التطبيق لاستعادتها.
error-list-separator = {"، "}

rule-required = { $field } مطلوب: املأه.
rule-too-long = { $field } طويل جدًا: اختصره إلى { $max ->
    [zero] لا حرف
    [one] حرف واحد
    [two] حرفين
    [few] { $max } أحرف
    [many] { $max } حرفًا
   *[other] { $max } حرف
} على الأكثر.
rule-too-short = { $field } قصير جدًا: استخدم { $min ->
    [zero] لا حرف
    [one] حرفًا واحدًا
    [two] حرفين
    [few] { $min } أحرف
    [many] { $min } حرفًا
   *[other] { $min } حرف
} على الأقل.
rule-out-of-range = يجب أن يكون { $field } بين { $min } و{ $max }: اختر قيمة ضمن هذا المدى.
rule-format = { $field } ليس بالشكل الصحيح: اكتبه بصيغة { $expected }.
rule-not-before = يجب ألّا يسبق { $field } { $other }: اختر تاريخًا لاحقًا.
rule-not-after = يجب ألّا يلي { $field } { $other }: اختر تاريخًا سابقًا.
rule-wrong-owner = { $field ->
    [goal_ids] أحد الأهداف يخصّ شخصًا آخر: اختر أهداف هذا الشخص فقط.
    [plan_id] هذه الخطة تخصّ شخصًا آخر: استخدم خطة هذا الشخص.
    [activity_id] هذا النشاط يخصّ شخصًا آخر: اختر أحد أنشطة هذا الشخص.
   *[other] { $field } يخصّ شخصًا أو سجلًّا آخر: اختر واحدًا من سجلاته.
}
rule-weak = { $field } سهل التخمين: أضف كلمة أو كلمتين لا يربطهما أحد بك.
rule-same-as = يجب أن يختلف { $field } عن { $other }: اختر غيره.

not-allowed-plan-exists = لهذا الشخص خطة من قبل. راجعها لبدء إصدار جديد.
not-allowed-period-too-long = الفترة طويلة جدًا: اختر فترة لا تتجاوز { $max ->
    [zero] أي يوم
    [one] يومًا واحدًا
    [two] يومين
    [few] { $max } أيام
    [many] { $max } يومًا
   *[other] { $max } يوم
}.
not-allowed-restore-folder-not-empty = هذا المجلد ليس فارغًا. استعِد إلى مجلد جديد أو فارغ.
not-allowed-referral-transition = الإحالة «{ $from }» لا يمكن أن تصبح «{ $to }»: الإحالة تتقدّم فقط.
not-allowed-discharged-reopens-active = يمكن إعادة فتح ملف مُغلق كنشط، لا كمتوقف. اختر نشط.
not-allowed-duty-twice = اختيرت { $duty } مرتين. اختر كل مهمة مرة واحدة.
not-allowed-goal-dropped = تُرك هذا الهدف. أضف هدفًا جديدًا بدلًا منه.
not-allowed-goal-closed = هذا الهدف مغلق، فلا يمكن تعليم خطواته. أعد فتح الهدف أولًا.
not-allowed-step-not-done = لم تُعلَّم هذه الخطوة كمنجزة بعد. علّمها قبل تأكيدها.
not-allowed-note-signed = هذه الملاحظة موقّعة ولا يمكن تغييرها. أضف ملحقًا بدلًا من ذلك.
not-allowed-note-already-signed = هذه الملاحظة موقّعة من قبل: لا شيء آخر لفعله.
not-allowed-note-draft = هذه الملاحظة ما زالت مسودة. عدّلها بدلًا من إضافة ملحق.
not-allowed-incident-closed = هذه الحادثة مغلقة ولا يمكن تغييرها: أضف تصحيحًا مؤرّخًا بدلًا من ذلك.
not-allowed-incident-open = هذه الحادثة ما زالت مفتوحة: عدّلها بدلًا من إضافة تصحيح.
not-allowed-action-before-day = هناك إجراء مسجّل قبل ذلك اليوم: اجعل اليوم في يوم أول إجراء أو قبله.
not-allowed-referral-answered = ردّت الخدمة على هذه الإحالة: قم بإحالة جديدة إلى الخدمة الأخرى بدلًا من ذلك.
not-allowed-referral-changed-before = تغيّرت حالة الإحالة قبل ذلك اليوم: اجعل اليوم في يوم أول تغيير أو قبله.
not-allowed-actions-open = لا يمكن إغلاق الحادثة بعد: سجّل أولًا { $count ->
    [zero] الإجراءات المطلوبة
    [one] هذا الإجراء المطلوب
    [two] هذين الإجراءين المطلوبين
   *[other] هذه الإجراءات المطلوبة
}: { $actions }.
not-allowed-area-twice = يظهر { $area } مرتين. أبقِ مدخلًا واحدًا لكل مجال من مجالات الحياة.
not-allowed-area-empty = لا شيء مسجّل في { $area }. أعطه درجة أو بعض الكلمات، أو احذف هذا المجال.
not-allowed-session-not-held-yet = لا يمكن أن تكون جلسة في يوم لم يأتِ بعد قد عُقدت: علّمها كمنعقدة في يومها أو بعده.

field-preferred_name = الاسم المفضّل
field-legal_name = الاسم القانوني
field-pronouns = الضمائر
field-text = النص
field-reason = السبب
field-outcome = النتيجة
field-purpose = الغرض
field-client_words = كلمات الشخص
field-worker_step = خطوة المرافق
field-measure = المقياس
field-description = الوصف
field-name = الاسم
field-what = ما يجب فعله
field-why = السبب
field-by = من قام به
field-time = الوقت
field-on = اليوم
field-due = موعد الاستحقاق
field-review_due = موعد المراجعة
field-next_due = يوم المراجعة القادمة
field-score = الدرجة
field-duties = المهام
field-passphrase = عبارة المرور
field-new_passphrase = عبارة المرور الجديدة
field-language = اللغة
field-place = المكان
field-notes = الملاحظات
field-details = التفاصيل
field-value = هذا الحقل

what-today = اليوم
what-activity-day = يوم النشاط
what-referral-made = يوم الإحالة
what-referral-last-change = آخر تغيير في الإحالة
what-plan-start = بداية الخطة
what-day-after-plan-start = اليوم التالي لبداية الخطة
what-review-day = يوم المراجعة
what-last-review = آخر مراجعة
what-working-day-start = بداية يوم العمل
what-incident-day = يوم الحادثة
what-last-action = آخر إجراء مسجّل
what-period-start = أول يوم في الفترة
what-duress-passphrase = عبارة مرور الإكراه
what-unlock-passphrase = عبارة مرور الفتح
form-date = تاريخ بصيغة YYYY-MM-DD بين { $first } و{ $last }
form-time = وقت بصيغة HH:MM، بالدقيقة
form-record-id = معرّف سجل
form-file-path = مسار ملف
form-folder-path = مسار مجلد
form-folder = مجلد
form-language-tag = رمز لغة مثل en أو fr-CA أو zh-Hant-TW
form-one-line = سطر نصي واحد بلا محارف تحكّم أو فرض اتجاه
form-text = نص بلا محارف تحكّم أو فرض اتجاه (الأسطر الجديدة والجداول مقبولة)
not-allowed-not-team-admin = لا يستطيع ذلك إلا قائد الفريق أو المشرف.
not-allowed-request-not-yours = هذا الطلب موجّه إلى عضو آخر في الفريق: هو وحده يستطيع أن يعلّمه كمُنجز.
not-allowed-no-such-member = لا يوجد هذا العضو في الفريق، أو أنه غادره.
not-allowed-team-lease-expired = لم يتصل هذا الهاتف بخادم الفريق منذ أكثر من { $days } { $days ->
    [zero] يوم
    [one] يوم
    [two] يومين
    [few] أيام
   *[other] يومًا
 }: زامِن لفتح ملفات الفريق من جديد.
