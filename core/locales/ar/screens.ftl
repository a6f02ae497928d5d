## شاشات العامل.
today-title = يومك
unreadable-record = تعذّر فتح { $kind } { $id }: استعده من نسخة احتياطية.
duty-suggest-reason = بسبب { $count ->
    [one] الكلمة { $words }
   *[other] الكلمات { $words }
}
duty-dependence-hint = منذ { $weeks } أسابيع والعمل مع { $name } مناصرة، دون تسجيل أي خطوة تمكين. هل يمكن أن تخطط الزيارة القادمة لخطوة يقوم بها { $name }، بدعمك؟
duty-suggest-quoted = «{ $text }»
incident-dont-force-medication = لا تُجبر الشخص على تناوله
incident-dont-dismiss-reasons = لا تتجاهل أسبابه
incident-dont-investigate = لا تحقّق بنفسك
incident-dont-confront = لا تواجه الشخص المشتبه به
incident-dont-stay-in-danger = لا تبقَ وحدك في الخطر؛ اطلب المساعدة
incident-dont-keep-risk-secret = لا تعد بإخفاء خطر
hint-why-label = يختزل الشخص في حالة صحية
hint-why-describe = حكم مسبق؛ صِف ما حدث بدلًا من ذلك
hint-why-decided = حكم مسبق؛ قل ما قرّره الشخص
hint-why-wheelchair = الكرسي المتحرك يمنح الحرية ولا يقيّد
hint-why-victim = يصوّر الشخص ضحيةً لحالته
hint-why-slur = إهانة
hint-why-committed = كلمة "ارتكب" توحي بجريمة
