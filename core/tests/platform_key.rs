//! The platform key as a way out of shared mode: only the key enrolled for this vault hands the
//! phone back; any other key is refused with the typed error and leaves shared mode in place.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::ClientInput;
use alongside_core::{Day, Error, PlatformKey};
use common::*;
use std::sync::Arc;

/// A key store that "unwraps" to bytes of the right length that are not this vault's key.
struct WrongSecret;
impl PlatformKey for WrongSecret {
    fn wrap(&self, secret: Vec<u8>) -> Result<Vec<u8>, Error> {
        Ok(secret)
    }
    fn unwrap(&self, _wrapped: Vec<u8>) -> Result<Vec<u8>, Error> {
        Ok(vec![7; 32])
    }
    fn device_secret(&self, input: Vec<u8>) -> Result<Vec<u8>, Error> {
        Ok(input)
    }
}

#[test]
fn leaving_shared_mode_with_a_wrong_platform_key_is_refused_and_stays_shared() {
    let (_tmp, vault, worker) = new_vault();
    worker
        .enable_platform_key(PASSPHRASE.into(), TestPlatformKey::new(1))
        .unwrap();
    let client = worker.add_client(ClientInput::named("Robin")).unwrap().id;
    let shared = worker.open_shared(client.clone(), None).unwrap();
    let today = Day::today();
    let wrong: [(&str, Arc<dyn PlatformKey>); 3] = [
        ("another phone's key", TestPlatformKey::new(2)),
        (
            "a key that opens to the wrong secret",
            Arc::new(WrongSecret),
        ),
        ("a cancelled prompt", TestPlatformKey::cancelled()),
    ];
    for (what, key) in wrong {
        match shared.leave_with_platform_key(key) {
            Err(Error::PlatformKey { reason }) => assert!(!reason.is_empty(), "{what}"),
            Err(e) => panic!("{what}: expected PlatformKey, got {e:?}"),
            Ok(_) => panic!("{what}: shared mode was left with a wrong key"),
        }
        // Still the client's phone: their screen works, every worker handle is dead.
        assert_eq!(
            shared.screen(today).unwrap().preferred_name,
            "Robin",
            "{what}"
        );
        assert!(
            matches!(worker.clients(), Err(Error::Locked { .. })),
            "{what}"
        );
        assert!(
            matches!(vault.worker(), Err(Error::Locked { .. })),
            "{what}"
        );
    }
    let back = shared
        .leave_with_platform_key(TestPlatformKey::new(1))
        .unwrap();
    assert_eq!(back.clients().unwrap().clients.len(), 1);
    assert!(matches!(shared.screen(today), Err(Error::Locked { .. })));
}

#[test]
fn leaving_with_a_platform_key_when_none_is_enrolled_is_refused() {
    let (_tmp, _vault, worker) = new_vault();
    let client = worker.add_client(ClientInput::named("Robin")).unwrap().id;
    let shared = worker.open_shared(client, None).unwrap();
    assert!(matches!(
        shared.leave_with_platform_key(TestPlatformKey::new(1)),
        Err(Error::PlatformKey { .. })
    ));
    assert!(shared.leave(PASSPHRASE.into()).is_ok());
}
