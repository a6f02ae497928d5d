## Errors, worded for the person who reads them: each says what happened and what to do next.
