package org.alongside.app.keys

/**
 * The bytes the core stores in its platform key slot: a format byte, the 12-byte GCM nonce the
 * Keystore chose, then the ciphertext with its 16-byte tag. The nonce travels with the ciphertext
 * so unwrapping needs nothing kept outside the vault.
 */
class WrappedKey(val iv: ByteArray, val ciphertext: ByteArray) {
    fun encode(): ByteArray = byteArrayOf(FORMAT) + iv + ciphertext

    companion object {
        const val FORMAT: Byte = 1
        const val IV_BYTES = 12
        const val TAG_BITS = 128
        private const val TAG_BYTES = TAG_BITS / 8

        /** Null when [bytes] cannot be a wrapped key of this format. */
        fun decode(bytes: ByteArray): WrappedKey? {
            if (bytes.size < 1 + IV_BYTES + TAG_BYTES || bytes[0] != FORMAT) return null
            return WrappedKey(bytes.copyOfRange(1, 1 + IV_BYTES), bytes.copyOfRange(1 + IV_BYTES, bytes.size))
        }
    }
}
