## Why the records are locked (a lock error's reason), and a new passphrase's weak points
## (the strength estimator's feedback, in our own words).
lock-reason-not-unlocked = it has not been unlocked yet
lock-reason-locked-now = it was locked
lock-reason-auto-lock = it locked itself after the auto-lock time without a touch
lock-reason-shared-idle = shared mode was left untouched past its limit
lock-reason-clock-went-back = the phone's clock went backwards
lock-reason-shared-mode = the client holds the phone in shared mode
lock-reason-stale-handle = this handle is from before a later unlock or lock
lock-reason-closed = the records were closed

weak-warning-straight-rows = Straight rows of keys are easy to guess.
weak-warning-short-keyboard = Short keyboard patterns are easy to guess.
weak-warning-repeats = Repeated characters like "aaa" are easy to guess.
weak-warning-repeated-groups = Repeated groups like "abcabcabc" are only slightly harder to guess than "abc".
weak-warning-top-10 = This is one of the ten most common passwords.
weak-warning-top-100 = This is one of the hundred most common passwords.
weak-warning-common = This is a very common password.
weak-warning-similar-common = This is similar to a commonly used password.
weak-warning-sequences = Sequences like abc or 6543 are easy to guess.
weak-warning-recent-years = Recent years are easy to guess.
weak-warning-single-word = A word by itself is easy to guess.
weak-warning-dates = Dates are often easy to guess.
weak-warning-names = Names and surnames by themselves are easy to guess.
weak-warning-common-names = Common names and surnames are easy to guess.
weak-suggest-few-words = Use a few words, and avoid common phrases.
weak-suggest-no-symbols = There is no need for symbols, digits or capital letters.
weak-suggest-another-word = Add another word or two. Uncommon words are better.
weak-suggest-capitals = Capital letters do not help very much.
weak-suggest-all-capitals = All capitals are almost as easy to guess as all small letters.
weak-suggest-reversed = Words written backwards are not much harder to guess.
weak-suggest-substitutions = Predictable substitutions, like "@" for "a", do not help very much.
weak-suggest-longer-pattern = Use a longer keyboard pattern with more turns.
weak-suggest-no-repeats = Avoid repeated words and characters.
weak-suggest-no-sequences = Avoid sequences.
weak-suggest-no-recent-years = Avoid recent years.
weak-suggest-no-own-years = Avoid years that are linked to you.
weak-suggest-no-own-dates = Avoid dates and years that are linked to you.
