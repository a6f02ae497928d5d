## Shared mode: what the client reads when the worker hands them the phone. Plain, respectful
## words with no clinical labels, spoken to the client. $name is the name they want to be called by.

shared-title = My plan
shared-greeting = Hello { $name }. This is your plan.
shared-goals-count = { $count ->
    [one] { $count } goal
   *[other] { $count } goals
}
shared-no-goals = No goals to show yet.

## Life areas, in the client's words.
shared-area-housing = My home
shared-area-mental-health = How I feel
shared-area-physical-health = My body and health
shared-area-daily-living = Everyday life
shared-area-work-education = Work and learning
shared-area-money = Money
shared-area-relationships = People in my life
shared-area-substance-use = Alcohol and other drugs
shared-area-legal = Legal matters
shared-area-safety = Feeling safe

## Where a goal stands.
shared-status-active = Working on it
shared-status-achieved = Done
shared-status-paused = On hold for now
shared-status-set-aside = Set aside

## The neutral 1-10 scale, in four bands.
shared-band-starting = Just starting
shared-band-getting-there = Getting there
shared-band-going-well = Going well
shared-band-there = Where I want to be

shared-my-rating = You said { $score } out of 10
shared-worker-rating = Your worker said { $score } out of 10
shared-no-rating = No rating yet
shared-my-ratings = My ratings
shared-worker-ratings = My worker's ratings
shared-rate = How is it going?
shared-rate-question = How is it going, from 1 to 10?

shared-step-done = I did this
shared-step-waiting = Done - your worker will check it with you

shared-add-words = Add my own words
shared-my-words = My own words
shared-entry-kind = Kind
shared-entry-what-helps-me = What helps me
shared-entry-reflection = A thought
shared-entry-placeholder = In my words
shared-save = Save
shared-cancel = Cancel

shared-next-visit = Next visit
shared-no-visits = No visits planned yet.

## Handing the phone back: the worker reads these, on the client's screen.
shared-give-back = Give the phone back
shared-hand-back-title = Worker: take the phone back
shared-worker-passphrase = Worker's passphrase
shared-take-back = Take the phone back
shared-use-biometrics = Use fingerprint or face

## What went wrong, in shared mode.
shared-error-closed = This screen has closed. Please give the phone back to your worker.
shared-error-not-found = That is no longer here.
shared-error-too-long = That is too long: { $max ->
    [one] { $max } character
   *[other] { $max } characters
} at most. Please shorten it.
shared-error-required = Please write something first.
shared-error-rating = Please pick a number from 1 to 10.
shared-error-goal-closed = This goal is closed, so its steps cannot be marked now.
shared-error-other = Something went wrong. Please give the phone back to your worker.
