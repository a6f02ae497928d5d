## نسخة الشخص: مستند HTML يحتفظ به.

copy-title = خطتي: { $name }
copy-made = أُعدّت في { $day }. هذه النسخة لك: احتفظ بها في مكان آمن.
copy-goals = أهدافي
copy-no-goals = لا توجد أهداف بعد.
copy-steps = الخطوات
copy-step-done = تمّ
copy-my-words = ما قلته
