//! The team log: membership, roles, devices and keyspace epochs, as a signed, hash-chained list.
//!
//! Only admin devices write it (the first entry by the device that creates the team). Each entry
//! names the hash of the one before it and is signed by its author's Ed25519 key. The relay checks
//! every entry with [`TeamState::apply`] before storing it, so a non-admin cannot change the team
//! through the relay; phones replay the log with the same function, so a relay cannot add a member,
//! drop, reorder or rewrite an entry without the phones noticing.

use crate::canon::Canon;
use crate::{AgreementKey, DeviceId, Hash32, KeyspaceId, MemberId, Signature, TeamId};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A member's role in the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The team lead: an admin of the team's membership.
    Lead,
    /// A supervisor: an admin of the team's membership.
    Supervisor,
    /// A worker.
    Worker,
}

impl Role {
    /// Whether devices of a member with this role may write the team log.
    pub fn is_admin(self) -> bool {
        matches!(self, Role::Lead | Role::Supervisor)
    }

    fn code(self) -> u8 {
        match self {
            Role::Lead => 1,
            Role::Supervisor => 2,
            Role::Worker => 3,
        }
    }
}

/// A device's two public keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DeviceKeys {
    /// Ed25519: signs log entries, envelopes and authentication challenges; the device's id.
    pub signing: DeviceId,
    /// X25519: keyspace keys are wrapped to it.
    pub agreement: AgreementKey,
}

/// What a log entry does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LogAction {
    /// The first entry only: the team exists, with this admin member and device (the author).
    CreateTeam {
        /// The creating member.
        member: MemberId,
        /// Their role; must be an admin role.
        role: Role,
        /// The creating device; its signing key must be the entry's author.
        device: DeviceKeys,
    },
    /// A new member (a member id is never reused).
    AddMember {
        /// The new member's random id.
        member: MemberId,
        /// Their role.
        role: Role,
    },
    /// A member's role changes.
    SetRole {
        /// The member.
        member: MemberId,
        /// The new role.
        role: Role,
    },
    /// A device joins for a member (a device key is never reused, even after removal).
    AddDevice {
        /// The member the device belongs to.
        member: MemberId,
        /// The device's keys (checked by the admin against the join proof).
        device: DeviceKeys,
    },
    /// A device is cut off (a lost phone); the relay refuses it from this entry on.
    RemoveDevice {
        /// The device.
        device: DeviceId,
    },
    /// A member leaves; every device of theirs is cut off.
    RemoveMember {
        /// The member.
        member: MemberId,
    },
    /// A keyspace's key moves to a new epoch (exactly one more than its current epoch, which
    /// starts at 0); the relay refuses writes under the older epochs from this entry on.
    RotateKeyspace {
        /// The keyspace.
        keyspace: KeyspaceId,
        /// The new epoch.
        epoch: u64,
    },
    /// The team's offline lease: phones that have not reached the relay for this many days stop
    /// opening team records until they do (0 turns it off). Enforced by phones only.
    SetLease {
        /// Days, or 0.
        days: u32,
    },
    /// A member holds a keyspace (a client assigned to a worker): admins' phones grant them its
    /// keys. Phones decide who holds a key; the relay only keeps the record.
    AssignKeyspace {
        /// The keyspace (a client's).
        keyspace: KeyspaceId,
        /// The member; must be active.
        member: MemberId,
    },
    /// A member no longer holds a keyspace (handed over); rotate it to cut their access to what
    /// is written after.
    UnassignKeyspace {
        /// The keyspace.
        keyspace: KeyspaceId,
        /// The member; must be assigned.
        member: MemberId,
    },
    /// A member holds a keyspace until a day (covering a colleague): the cover ends at the start
    /// of `until_day` by each phone's clock, without another entry.
    Cover {
        /// The keyspace.
        keyspace: KeyspaceId,
        /// The covering member; must be active.
        member: MemberId,
        /// Days since 1970-01-01 (UTC) of the first day without cover.
        until_day: u32,
    },
    /// An expired (or cancelled) cover leaves the log's state, after the admin's phone rotated
    /// the keyspace.
    EndCover {
        /// The keyspace.
        keyspace: KeyspaceId,
        /// The member whose cover ends; must be covering it.
        member: MemberId,
    },
}

impl LogAction {
    fn canon(&self, c: &mut Canon) {
        match self {
            LogAction::CreateTeam {
                member,
                role,
                device,
            } => {
                c.u8(1).fixed(&member.0).u8(role.code());
                c.fixed(&device.signing.0).fixed(&device.agreement.0);
            }
            LogAction::AddMember { member, role } => {
                c.u8(2).fixed(&member.0).u8(role.code());
            }
            LogAction::SetRole { member, role } => {
                c.u8(3).fixed(&member.0).u8(role.code());
            }
            LogAction::AddDevice { member, device } => {
                c.u8(4).fixed(&member.0);
                c.fixed(&device.signing.0).fixed(&device.agreement.0);
            }
            LogAction::RemoveDevice { device } => {
                c.u8(5).fixed(&device.0);
            }
            LogAction::RemoveMember { member } => {
                c.u8(6).fixed(&member.0);
            }
            LogAction::RotateKeyspace { keyspace, epoch } => {
                c.u8(7).fixed(&keyspace.0).u64(*epoch);
            }
            LogAction::SetLease { days } => {
                c.u8(8).u64(u64::from(*days));
            }
            LogAction::AssignKeyspace { keyspace, member } => {
                c.u8(9).fixed(&keyspace.0).fixed(&member.0);
            }
            LogAction::UnassignKeyspace { keyspace, member } => {
                c.u8(10).fixed(&keyspace.0).fixed(&member.0);
            }
            LogAction::Cover {
                keyspace,
                member,
                until_day,
            } => {
                c.u8(11).fixed(&keyspace.0).fixed(&member.0);
                c.u64(u64::from(*until_day));
            }
            LogAction::EndCover { keyspace, member } => {
                c.u8(12).fixed(&keyspace.0).fixed(&member.0);
            }
        }
    }
}

/// One entry of the team log, before signing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// The team.
    pub team: TeamId,
    /// Its position: 0 for the first entry, then one more each time.
    pub index: u64,
    /// [`SignedLogEntry::hash`] of the entry at `index - 1`; 32 zero bytes for the first entry.
    pub prev: Hash32,
    /// The signing device.
    pub author: DeviceId,
    /// When the author wrote it, milliseconds since the Unix epoch, by the author's clock (shown to
    /// people, never used to order anything).
    pub issued_at_ms: u64,
    /// What it does.
    pub action: LogAction,
}

impl LogEntry {
    /// The bytes the author signs: domain `alongside/log/v1`, team, index, prev, author,
    /// issued_at_ms, then the action's tag and fields.
    pub fn signing_bytes(&self) -> Vec<u8> {
        let mut c = Canon::new("alongside/log/v1");
        c.fixed(&self.team.0)
            .u64(self.index)
            .fixed(&self.prev.0)
            .fixed(&self.author.0)
            .u64(self.issued_at_ms);
        self.action.canon(&mut c);
        c.bytes().to_vec()
    }
}

/// A log entry with its author's Ed25519 signature over [`LogEntry::signing_bytes`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedLogEntry {
    /// The entry.
    pub entry: LogEntry,
    /// The author's signature.
    pub signature: Signature,
}

impl SignedLogEntry {
    /// The entry's hash, which the next entry names as `prev`: SHA-256 over domain
    /// `alongside/log-hash/v1`, the signing bytes (length-prefixed) and the signature.
    pub fn hash(&self) -> Hash32 {
        let mut c = Canon::new("alongside/log-hash/v1");
        c.var(&self.entry.signing_bytes()).fixed(&self.signature.0);
        c.sha256()
    }

    /// Checks the signature against the author's key.
    pub fn verify_signature(&self) -> Result<(), LogError> {
        let key = ring::signature::UnparsedPublicKey::new(
            &ring::signature::ED25519,
            &self.entry.author.0,
        );
        key.verify(&self.entry.signing_bytes(), &self.signature.0)
            .map_err(|_| LogError::BadSignature)
    }
}

/// Why a log entry is refused: the same answer on the relay and on every phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum LogError {
    /// The entry is for another team.
    WrongTeam,
    /// The entry's index is not the next one.
    WrongIndex {
        /// The index expected.
        expected: u64,
    },
    /// `prev` is not the hash of the entry before it (a fork, a reorder or a rewrite).
    BrokenChain,
    /// The signature does not verify against the author's key.
    BadSignature,
    /// The author is not an active device of an active admin member.
    NotAdmin,
    /// The first entry must create the team, signed by the device it names, with an admin role;
    /// no other entry may.
    BadGenesis,
    /// The member id is already used.
    MemberExists,
    /// No such active member.
    UnknownMember,
    /// The device key is already used (even by a removed device).
    DeviceExists,
    /// No such active device.
    UnknownDevice,
    /// A keyspace's new epoch must be exactly one more than its current one.
    EpochNotNext {
        /// The keyspace's current epoch.
        current: u64,
    },
    /// The team would be left without an active admin device.
    LastAdmin,
    /// The member is not assigned that keyspace.
    NotAssigned,
    /// The member is not covering that keyspace.
    NotCovering,
}

impl fmt::Display for LogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LogError::WrongTeam => f.write_str("the entry is for another team"),
            LogError::WrongIndex { expected } => write!(f, "the entry's index is not {expected}"),
            LogError::BrokenChain => f.write_str("the entry does not follow the log's last entry"),
            LogError::BadSignature => f.write_str("the entry's signature does not verify"),
            LogError::NotAdmin => f.write_str("the author is not an active admin device"),
            LogError::BadGenesis => {
                f.write_str("only the first entry creates the team, signed by its device")
            }
            LogError::MemberExists => f.write_str("the member id is already used"),
            LogError::UnknownMember => f.write_str("no such active member"),
            LogError::DeviceExists => f.write_str("the device key is already used"),
            LogError::UnknownDevice => f.write_str("no such active device"),
            LogError::EpochNotNext { current } => {
                write!(
                    f,
                    "the new epoch must be {} (the current one is {current})",
                    current + 1
                )
            }
            LogError::LastAdmin => {
                f.write_str("the team would be left without an active admin device")
            }
            LogError::NotAssigned => f.write_str("the member is not assigned that keyspace"),
            LogError::NotCovering => f.write_str("the member is not covering that keyspace"),
        }
    }
}

impl std::error::Error for LogError {}

/// A member as the log leaves them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberState {
    /// Their current role.
    pub role: Role,
    /// Whether they were removed.
    pub removed: bool,
}

/// A device as the log leaves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceState {
    /// Its member.
    pub member: MemberId,
    /// Its X25519 key.
    pub agreement: AgreementKey,
    /// Whether it was removed (itself or with its member).
    pub removed: bool,
}

/// The team as its log describes it, built by applying entries in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamState {
    /// The team.
    pub team: TeamId,
    /// The index the next entry must have (the number of entries applied).
    pub next_index: u64,
    /// The hash of the last entry applied.
    pub head: Hash32,
    /// Every member ever added.
    pub members: BTreeMap<MemberId, MemberState>,
    /// Every device ever added.
    pub devices: BTreeMap<DeviceId, DeviceState>,
    /// Each keyspace's current epoch (absent: 0).
    pub epochs: BTreeMap<KeyspaceId, u64>,
    /// The offline lease in days (0: none).
    pub lease_days: u32,
    /// The members assigned each keyspace.
    pub assignments: BTreeMap<KeyspaceId, BTreeSet<MemberId>>,
    /// The members covering each keyspace, with the day their cover ends (days since 1970-01-01).
    pub covers: BTreeMap<KeyspaceId, BTreeMap<MemberId, u32>>,
}

impl TeamState {
    /// Checks the first entry and builds the state it describes.
    pub fn genesis(first: &SignedLogEntry) -> Result<Self, LogError> {
        let e = &first.entry;
        if e.index != 0 {
            return Err(LogError::WrongIndex { expected: 0 });
        }
        if e.prev != Hash32([0; 32]) {
            return Err(LogError::BrokenChain);
        }
        let LogAction::CreateTeam {
            member,
            role,
            device,
        } = &e.action
        else {
            return Err(LogError::BadGenesis);
        };
        if device.signing != e.author || !role.is_admin() {
            return Err(LogError::BadGenesis);
        }
        first.verify_signature()?;
        let mut state = TeamState {
            team: e.team,
            next_index: 1,
            head: first.hash(),
            members: BTreeMap::new(),
            devices: BTreeMap::new(),
            epochs: BTreeMap::new(),
            lease_days: 0,
            assignments: BTreeMap::new(),
            covers: BTreeMap::new(),
        };
        state.members.insert(
            *member,
            MemberState {
                role: *role,
                removed: false,
            },
        );
        state.devices.insert(
            device.signing,
            DeviceState {
                member: *member,
                agreement: device.agreement,
                removed: false,
            },
        );
        Ok(state)
    }

    /// Replays a whole log from its first entry.
    pub fn replay(entries: &[SignedLogEntry]) -> Result<Self, LogError> {
        let (first, rest) = entries.split_first().ok_or(LogError::BadGenesis)?;
        let mut state = Self::genesis(first)?;
        for e in rest {
            state.apply(e)?;
        }
        Ok(state)
    }

    /// Whether the device is in the team and not removed.
    pub fn is_active_device(&self, device: &DeviceId) -> bool {
        self.devices.get(device).is_some_and(|d| !d.removed)
    }

    /// Whether the device is active and its member is an active admin.
    pub fn is_admin_device(&self, device: &DeviceId) -> bool {
        self.devices.get(device).is_some_and(|d| {
            !d.removed
                && self
                    .members
                    .get(&d.member)
                    .is_some_and(|m| !m.removed && m.role.is_admin())
        })
    }

    /// The keyspace's current epoch.
    pub fn epoch(&self, keyspace: &KeyspaceId) -> u64 {
        self.epochs.get(keyspace).copied().unwrap_or(0)
    }

    /// Whether the member is in the team and not removed.
    pub fn is_active_member(&self, member: &MemberId) -> bool {
        self.members.get(member).is_some_and(|m| !m.removed)
    }

    /// The member of a device (removed or not).
    pub fn member_of(&self, device: &DeviceId) -> Option<MemberId> {
        self.devices.get(device).map(|d| d.member)
    }

    /// The active admin members.
    pub fn admins(&self) -> BTreeSet<MemberId> {
        self.members
            .iter()
            .filter(|(_, m)| !m.removed && m.role.is_admin())
            .map(|(id, _)| *id)
            .collect()
    }

    /// The active devices of a set of members.
    pub fn devices_of(&self, members: &BTreeSet<MemberId>) -> Vec<DeviceId> {
        self.devices
            .iter()
            .filter(|(_, d)| !d.removed && members.contains(&d.member))
            .map(|(id, _)| *id)
            .collect()
    }

    fn has_admin_device(&self) -> bool {
        self.devices.keys().any(|d| self.is_admin_device(d))
    }

    /// Checks the next entry (chain, index, signature, admin author, the action's rules) and
    /// applies it. On error the state is unchanged.
    pub fn apply(&mut self, signed: &SignedLogEntry) -> Result<(), LogError> {
        let e = &signed.entry;
        if e.team != self.team {
            return Err(LogError::WrongTeam);
        }
        if e.index != self.next_index {
            return Err(LogError::WrongIndex {
                expected: self.next_index,
            });
        }
        if e.prev != self.head {
            return Err(LogError::BrokenChain);
        }
        signed.verify_signature()?;
        if !self.is_admin_device(&e.author) {
            return Err(LogError::NotAdmin);
        }
        let mut next = self.clone();
        match &e.action {
            LogAction::CreateTeam { .. } => return Err(LogError::BadGenesis),
            LogAction::AddMember { member, role } => {
                if next.members.contains_key(member) {
                    return Err(LogError::MemberExists);
                }
                next.members.insert(
                    *member,
                    MemberState {
                        role: *role,
                        removed: false,
                    },
                );
            }
            LogAction::SetRole { member, role } => {
                let m = next
                    .members
                    .get_mut(member)
                    .filter(|m| !m.removed)
                    .ok_or(LogError::UnknownMember)?;
                m.role = *role;
            }
            LogAction::AddDevice { member, device } => {
                if next.members.get(member).is_none_or(|m| m.removed) {
                    return Err(LogError::UnknownMember);
                }
                if next.devices.contains_key(&device.signing) {
                    return Err(LogError::DeviceExists);
                }
                next.devices.insert(
                    device.signing,
                    DeviceState {
                        member: *member,
                        agreement: device.agreement,
                        removed: false,
                    },
                );
            }
            LogAction::RemoveDevice { device } => {
                let d = next
                    .devices
                    .get_mut(device)
                    .filter(|d| !d.removed)
                    .ok_or(LogError::UnknownDevice)?;
                d.removed = true;
            }
            LogAction::RemoveMember { member } => {
                let m = next
                    .members
                    .get_mut(member)
                    .filter(|m| !m.removed)
                    .ok_or(LogError::UnknownMember)?;
                m.removed = true;
                for d in next.devices.values_mut().filter(|d| d.member == *member) {
                    d.removed = true;
                }
                for held in next.assignments.values_mut() {
                    held.remove(member);
                }
                for held in next.covers.values_mut() {
                    held.remove(member);
                }
            }
            LogAction::RotateKeyspace { keyspace, epoch } => {
                let current = next.epoch(keyspace);
                if *epoch != current + 1 {
                    return Err(LogError::EpochNotNext { current });
                }
                next.epochs.insert(*keyspace, *epoch);
            }
            LogAction::SetLease { days } => next.lease_days = *days,
            LogAction::AssignKeyspace { keyspace, member } => {
                if !next.is_active_member(member) {
                    return Err(LogError::UnknownMember);
                }
                next.assignments
                    .entry(*keyspace)
                    .or_default()
                    .insert(*member);
            }
            LogAction::UnassignKeyspace { keyspace, member } => {
                let held = next.assignments.get_mut(keyspace);
                if !held.is_some_and(|h| h.remove(member)) {
                    return Err(LogError::NotAssigned);
                }
            }
            LogAction::Cover {
                keyspace,
                member,
                until_day,
            } => {
                if !next.is_active_member(member) {
                    return Err(LogError::UnknownMember);
                }
                next.covers
                    .entry(*keyspace)
                    .or_default()
                    .insert(*member, *until_day);
            }
            LogAction::EndCover { keyspace, member } => {
                let held = next.covers.get_mut(keyspace);
                if held.and_then(|h| h.remove(member)).is_none() {
                    return Err(LogError::NotCovering);
                }
            }
        }
        if !next.has_admin_device() {
            return Err(LogError::LastAdmin);
        }
        next.next_index += 1;
        next.head = signed.hash();
        *self = next;
        Ok(())
    }
}
