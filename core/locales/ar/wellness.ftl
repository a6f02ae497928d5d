## خطة العافية والأزمات الخاصة بالشخص، بكلماته هو.

wellness-title = خطتي للعافية والأزمات
wellness-when-well = عندما أكون بخير، أكون هكذا
wellness-keeping-well = ما يساعدني على البقاء بخير يومًا بيوم
wellness-set-backs = ما قد يعيدني إلى الوراء
wellness-early-signs = العلامات الأولى على أن الأمور بدأت تسوء
wellness-early-actions = ما يمكنني أنا والآخرون فعله عندها
wellness-crisis-contact = في الأزمة، يُرجى التواصل مع
wellness-crisis-do-not-contact = في الأزمة، يُرجى عدم التواصل مع
wellness-crisis-helps = في الأزمة، هذا يساعدني
wellness-crisis-does-not-help = في الأزمة، هذا لا يساعدني
wellness-practical-matters = أمور عملية: الأطفال، الحيوانات الأليفة، الفواتير، منزلي
wellness-medication = الأدوية التي أتناولها، وأي دواء لا أريده
wellness-crisis-place = أين أودّ أن أكون في الأزمة
wellness-after-crisis = بعد الأزمة، هذا يساعدني على النهوض من جديد
wellness-empty = لم يُكتب شيء بعد
wellness-by-client = بكلماتك أنت
wellness-with-worker = كُتب مع مرافقك
wellness-by-client-for-worker = كتبه الشخص نفسه
wellness-with-client-for-worker = كتبته أنت مع الشخص
