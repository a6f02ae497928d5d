import AlongsideCore
import CryptoKit
import CryptoTokenKit
import Foundation
import LocalAuthentication
import Security

/// The core's platform key on iOS: unlocking with Face ID or Touch ID.
///
/// Where the phone has a Secure Enclave, an EC P-256 key is generated inside it and never leaves:
/// `wrap` encrypts the vault key to its public key (ECIES with AES-GCM), and `unwrap` needs the
/// private key, which the Secure Enclave uses only after biometrics. Without a Secure Enclave (the
/// simulator), a random AES-256 key is kept in the Keychain behind the same biometric access
/// control and the vault key is sealed with AES-GCM. Either way the item is "when unlocked, this
/// device only" and bound to the biometrics enrolled now (`.biometryCurrentSet`): a new face or
/// finger, or moving to another phone, ends it, and the worker turns biometrics on again.
///
/// The core calls `unwrap` on its own queue, never the main thread, so the system's Face ID
/// prompt can appear while the call waits.
///
/// `deviceSecret` is the device binding, with no biometrics: a second Secure Enclave key (P-256,
/// "when unlocked, this device only", usable without Face ID) agrees a key with a fixed peer public
/// key whose private half was thrown away when it was made, and the X9.63 KDF of that agreement
/// with the core's challenge as shared info is the answer. Only this phone's Secure Enclave can
/// compute it, so the vault's files are useless anywhere else. Without a Secure Enclave (the
/// simulator), HMAC-SHA256 under a random key kept in the Keychain, this device only. Turning
/// biometrics off (`remove`) leaves this key alone: the passphrase must keep working.
final class KeychainPlatformKey: PlatformKey, @unchecked Sendable {
    private static let tag = Data("org.alongside.vault-key".utf8)
    private static let service = "org.alongside.vault-key"
    /// First byte of the wrapped key: which of the two ways made it.
    private static let secureEnclaveFormat: UInt8 = 1
    private static let keychainFormat: UInt8 = 2
    private static let algorithm = SecKeyAlgorithm.eciesEncryptionCofactorVariableIVX963SHA256AESGCM

    /// Shown by the system's biometric prompt: the core's words, in the worker's language
    /// (`VaultStore` sets it whenever the language changes).
    var reason = appWords(language: .en).biometricUnlockTitle

    // MARK: PlatformKey

    func wrap(secret: Data) throws -> Data {
        remove()
        if SecureEnclave.isAvailable {
            let privateKey = try makeSecureEnclaveKey()
            guard let publicKey = SecKeyCopyPublicKey(privateKey) else { throw Self.failure(Reason.keystore) }
            var error: Unmanaged<CFError>?
            guard let sealed = SecKeyCreateEncryptedData(publicKey, Self.algorithm, secret as CFData, &error) else {
                throw Self.failure(Reason.keystore)
            }
            return Data([Self.secureEnclaveFormat]) + (sealed as Data)
        }
        let key = SymmetricKey(size: .bits256)
        try storeKeychainKey(key)
        guard let combined = try AES.GCM.seal(secret, using: key).combined else { throw Self.failure(Reason.keystore) }
        return Data([Self.keychainFormat]) + combined
    }

    func unwrap(wrapped: Data) throws -> Data {
        guard let format = wrapped.first else { throw Self.failure(Reason.malformed) }
        let body = wrapped.dropFirst()
        let context = LAContext()
        context.localizedReason = reason
        switch format {
        case Self.secureEnclaveFormat:
            let privateKey = try secureEnclaveKey(context: context)
            var error: Unmanaged<CFError>?
            // The Secure Enclave asks for Face ID / Touch ID here.
            guard let plain = SecKeyCreateDecryptedData(privateKey, Self.algorithm, Data(body) as CFData, &error) else {
                throw Self.failure(Self.reasonFor(error?.takeRetainedValue()))
            }
            return plain as Data
        case Self.keychainFormat:
            let key = try keychainKey(context: context)
            do {
                return try AES.GCM.open(AES.GCM.SealedBox(combined: Data(body)), using: key)
            } catch {
                throw Self.failure(Reason.notThisKey)
            }
        default:
            throw Self.failure(Reason.malformed)
        }
    }

    func deviceSecret(input: Data) throws -> Data {
        if SecureEnclave.isAvailable {
            let (privateKey, peer) = try deviceKeyPair()
            let parameters: [CFString: Any] = [
                SecKeyKeyExchangeParameter.requestedSize.rawValue: 32,
                SecKeyKeyExchangeParameter.sharedInfo.rawValue: input,
            ]
            var error: Unmanaged<CFError>?
            guard let secret = SecKeyCopyKeyExchangeResult(
                privateKey, .ecdhKeyExchangeStandardX963SHA256, peer, parameters as CFDictionary, &error)
            else { throw Self.failure(Reason.keystore) }
            return secret as Data
        }
        let key = try deviceHmacKey()
        return Data(HMAC<SHA256>.authenticationCode(for: input, using: key))
    }

    /// Biometrics turned off: the key is deleted from the Secure Enclave or the Keychain.
    func remove() {
        let key: [CFString: Any] = [kSecClass: kSecClassKey, kSecAttrApplicationTag: Self.tag]
        let password: [CFString: Any] = [kSecClass: kSecClassGenericPassword, kSecAttrService: Self.service]
        SecItemDelete(key as CFDictionary)
        SecItemDelete(password as CFDictionary)
    }

    /// Face ID or Touch ID is enrolled and usable now: only then does the app offer it.
    static var biometricsAvailable: Bool {
        var error: NSError?
        return LAContext().canEvaluatePolicy(.deviceOwnerAuthenticationWithBiometrics, error: &error)
    }

    // MARK: Secure Enclave

    private func accessControl(_ flags: SecAccessControlCreateFlags) throws -> SecAccessControl {
        var error: Unmanaged<CFError>?
        guard let access = SecAccessControlCreateWithFlags(
            kCFAllocatorDefault, kSecAttrAccessibleWhenUnlockedThisDeviceOnly, flags, &error)
        else { throw Self.failure(Reason.keystore) }
        return access
    }

    private func makeSecureEnclaveKey() throws -> SecKey {
        let access = try accessControl([.privateKeyUsage, .biometryCurrentSet])
        let attributes: [CFString: Any] = [
            kSecAttrKeyType: kSecAttrKeyTypeECSECPrimeRandom,
            kSecAttrKeySizeInBits: 256,
            kSecAttrTokenID: kSecAttrTokenIDSecureEnclave,
            kSecPrivateKeyAttrs: [
                kSecAttrIsPermanent: true,
                kSecAttrApplicationTag: Self.tag,
                kSecAttrAccessControl: access,
            ] as [CFString: Any],
        ]
        var error: Unmanaged<CFError>?
        guard let key = SecKeyCreateRandomKey(attributes as CFDictionary, &error) else {
            throw Self.failure(Reason.keystore)
        }
        return key
    }

    private func secureEnclaveKey(context: LAContext) throws -> SecKey {
        var item: CFTypeRef?
        let query: [CFString: Any] = [
            kSecClass: kSecClassKey,
            kSecAttrApplicationTag: Self.tag,
            kSecAttrKeyType: kSecAttrKeyTypeECSECPrimeRandom,
            kSecReturnRef: true,
            kSecUseAuthenticationContext: context,
        ]
        let status = SecItemCopyMatching(query as CFDictionary, &item)
        guard status == errSecSuccess, let item else { throw Self.failure(Self.reasonFor(status)) }
        return item as! SecKey // swiftlint:disable:this force_cast (a kSecClassKey query returns a SecKey)
    }

    // MARK: Device binding (no biometrics)

    private static let deviceTag = Data("org.alongside.device-binding".utf8)
    private static let devicePeerService = "org.alongside.device-binding.peer"
    private static let deviceHmacService = "org.alongside.device-binding.hmac"

    /// The Secure Enclave's device key and the stored peer public key, made on first use.
    private func deviceKeyPair() throws -> (SecKey, SecKey) {
        var item: CFTypeRef?
        let query: [CFString: Any] = [
            kSecClass: kSecClassKey,
            kSecAttrApplicationTag: Self.deviceTag,
            kSecAttrKeyType: kSecAttrKeyTypeECSECPrimeRandom,
            kSecReturnRef: true,
        ]
        if SecItemCopyMatching(query as CFDictionary, &item) == errSecSuccess, let item,
           let peerBytes = try? readGenericPassword(service: Self.devicePeerService) {
            let privateKey = item as! SecKey // swiftlint:disable:this force_cast (a kSecClassKey query returns a SecKey)
            return (privateKey, try peerPublicKey(peerBytes))
        }
        // First use: a Secure Enclave key usable without biometrics, and a peer whose private half
        // is never stored.
        SecItemDelete([kSecClass: kSecClassKey, kSecAttrApplicationTag: Self.deviceTag] as CFDictionary)
        SecItemDelete([kSecClass: kSecClassGenericPassword, kSecAttrService: Self.devicePeerService] as CFDictionary)
        let access = try accessControl([.privateKeyUsage])
        let attributes: [CFString: Any] = [
            kSecAttrKeyType: kSecAttrKeyTypeECSECPrimeRandom,
            kSecAttrKeySizeInBits: 256,
            kSecAttrTokenID: kSecAttrTokenIDSecureEnclave,
            kSecPrivateKeyAttrs: [
                kSecAttrIsPermanent: true,
                kSecAttrApplicationTag: Self.deviceTag,
                kSecAttrAccessControl: access,
            ] as [CFString: Any],
        ]
        var error: Unmanaged<CFError>?
        guard let privateKey = SecKeyCreateRandomKey(attributes as CFDictionary, &error) else {
            throw Self.failure(Reason.keystore)
        }
        let peerBytes = P256.KeyAgreement.PrivateKey().publicKey.x963Representation
        try storeGenericPassword(service: Self.devicePeerService, data: peerBytes)
        return (privateKey, try peerPublicKey(peerBytes))
    }

    private func peerPublicKey(_ x963: Data) throws -> SecKey {
        let attributes: [CFString: Any] = [
            kSecAttrKeyType: kSecAttrKeyTypeECSECPrimeRandom,
            kSecAttrKeyClass: kSecAttrKeyClassPublic,
            kSecAttrKeySizeInBits: 256,
        ]
        var error: Unmanaged<CFError>?
        guard let key = SecKeyCreateWithData(x963 as CFData, attributes as CFDictionary, &error) else {
            throw Self.failure(Reason.keystore)
        }
        return key
    }

    /// The simulator's stand-in: a random HMAC key in the Keychain, this device only.
    private func deviceHmacKey() throws -> SymmetricKey {
        if let bytes = try? readGenericPassword(service: Self.deviceHmacService) {
            return SymmetricKey(data: bytes)
        }
        let key = SymmetricKey(size: .bits256)
        try storeGenericPassword(service: Self.deviceHmacService, data: key.withUnsafeBytes { Data($0) })
        return key
    }

    private func storeGenericPassword(service: String, data: Data) throws {
        let item: [CFString: Any] = [
            kSecClass: kSecClassGenericPassword,
            kSecAttrService: service,
            kSecAttrAccessible: kSecAttrAccessibleWhenUnlockedThisDeviceOnly,
            kSecValueData: data,
        ]
        let status = SecItemAdd(item as CFDictionary, nil)
        guard status == errSecSuccess else { throw Self.failure(Self.reasonFor(status)) }
    }

    private func readGenericPassword(service: String) throws -> Data {
        var item: CFTypeRef?
        let query: [CFString: Any] = [
            kSecClass: kSecClassGenericPassword,
            kSecAttrService: service,
            kSecReturnData: true,
        ]
        let status = SecItemCopyMatching(query as CFDictionary, &item)
        guard status == errSecSuccess, let data = item as? Data else { throw Self.failure(Self.reasonFor(status)) }
        return data
    }

    // MARK: Keychain (no Secure Enclave)

    private func storeKeychainKey(_ key: SymmetricKey) throws {
        let access = try accessControl([.biometryCurrentSet])
        let bytes = key.withUnsafeBytes { Data($0) }
        let item: [CFString: Any] = [
            kSecClass: kSecClassGenericPassword,
            kSecAttrService: Self.service,
            kSecAttrAccessControl: access,
            kSecValueData: bytes,
        ]
        let status = SecItemAdd(item as CFDictionary, nil)
        guard status == errSecSuccess else { throw Self.failure(Self.reasonFor(status)) }
    }

    private func keychainKey(context: LAContext) throws -> SymmetricKey {
        var item: CFTypeRef?
        // Reading the item asks for Face ID / Touch ID.
        let query: [CFString: Any] = [
            kSecClass: kSecClassGenericPassword,
            kSecAttrService: Self.service,
            kSecReturnData: true,
            kSecUseAuthenticationContext: context,
        ]
        let status = SecItemCopyMatching(query as CFDictionary, &item)
        guard status == errSecSuccess, let data = item as? Data else { throw Self.failure(Self.reasonFor(status)) }
        return SymmetricKey(data: data)
    }

    // MARK: Errors

    /// Short reasons, never personal data; the unlock screen hides a cancel.
    enum Reason {
        static let cancelled = "cancelled by the user"
        static let noKey = "no biometric key on this phone"
        static let notThisKey = "the biometric key does not open this vault"
        static let malformed = "the wrapped key is not in this app's format"
        static let keystore = "the key store refused"
    }

    private static func failure(_ reason: String) -> AlongsideError {
        AlongsideError.PlatformKey(reason: reason)
    }

    private static func reasonFor(_ status: OSStatus) -> String {
        switch status {
        case errSecUserCanceled, errSecAuthFailed: return Reason.cancelled
        case errSecItemNotFound: return Reason.noKey
        default: return Reason.keystore
        }
    }

    private static func reasonFor(_ error: CFError?) -> String {
        guard let error else { return Reason.keystore }
        let nsError = error as Error as NSError
        if nsError.domain == LAError.errorDomain,
           [LAError.userCancel.rawValue, LAError.appCancel.rawValue, LAError.systemCancel.rawValue,
            LAError.userFallback.rawValue].contains(nsError.code) {
            return Reason.cancelled
        }
        if nsError.domain == TKError.errorDomain, nsError.code == TKError.Code.canceledByUser.rawValue {
            return Reason.cancelled
        }
        if nsError.domain == NSOSStatusErrorDomain {
            return reasonFor(OSStatus(nsError.code))
        }
        return Reason.notThisKey
    }
}
