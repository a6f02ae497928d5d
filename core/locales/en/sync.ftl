# Team sync: "needs review" items and the sync status line.
sync-review = Two phones changed “{ $field }” of this { $kind } differently. Choose the value to keep.
sync-choice = { $value }, from phone { $device }, { $when }
sync-status = { $outbox ->
    [0] Everything is sent.
    [one] One change waits to be sent.
   *[other] { $outbox } changes wait to be sent.
} { $reviews ->
    [0] Nothing to review.
    [one] One record needs review.
   *[other] { $reviews } records need review.
}
sync-status-none = This phone is not in a team.
sync-status-waiting = Waiting for an admin's phone to add this one to the team.
sync-lease-left = Team clients stay open { $days ->
    [one] 1 more day
   *[other] { $days } more days
} without a sync.
sync-lease-expired = Team clients are closed: this phone has not reached the server for too long. A sync opens them again.
# A revision a sync refused: which phone sent it and why (never what it holds).
sync-refused = A change from phone { $device } was refused. { $reason }
sync-refused-kind = A change ({ $kind }) from phone { $device } was refused. { $reason }
sync-refused-unknown-device = Its author is not a device of the team.
sync-refused-could-not-open = It did not open: damaged, or not sealed with the team's key.
sync-refused-bad-signature = It was not signed by the phone it names.
sync-refused-unreadable = This version of the app cannot read what it holds.
sync-refused-record-mismatch = It names a record this phone holds as another one.
