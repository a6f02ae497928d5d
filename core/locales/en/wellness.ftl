## The client's wellness and crisis plan: what keeps them well and what they want in a crisis,
## in their own words. Headings are in the client's voice ("I"); the client reads who wrote each
## entry as "you", the worker reads it in the -for-worker messages.

wellness-title = My wellness and crisis plan
wellness-when-well = When I am well, I am like this
wellness-keeping-well = What keeps me well, day to day
wellness-set-backs = What can set me back
wellness-early-signs = Early signs that things are slipping
wellness-early-actions = What I and others can do then
wellness-crisis-contact = In a crisis, please contact
wellness-crisis-do-not-contact = In a crisis, please do not contact
wellness-crisis-helps = In a crisis, this helps me
wellness-crisis-does-not-help = In a crisis, this does not help me
wellness-practical-matters = Practical matters: children, pets, bills, my home
wellness-medication = Medication I am on, and any I do not want
wellness-crisis-place = Where I would like to be in a crisis
wellness-after-crisis = After a crisis, this helps me get back on my feet
wellness-empty = Nothing written yet
wellness-by-client = In your own words
wellness-with-worker = Written with your worker
wellness-by-client-for-worker = Written by the client
wellness-with-client-for-worker = Written by you with the client
