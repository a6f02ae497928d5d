## The client's copy: the HTML document they keep. $name is the name they want to be called by;
## $day the day it was made.

copy-title = My plan: { $name }
copy-made = Made on { $day }. This copy is yours: keep it somewhere safe.
copy-goals = My goals
copy-no-goals = No goals yet.
copy-steps = Steps
copy-step-done = done
copy-my-words = What I said
