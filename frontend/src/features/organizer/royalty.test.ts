import { describe, expect, it } from 'vitest'
import { organizerRoyaltyShare, platformRoyaltyShare, royaltyWithdrawable } from './royalty'

describe('royalty split', () => {
  it('gives the organizer the odd wei, as PaymentProcessor.payRoyalty does', () => {
    expect(organizerRoyaltyShare(1n)).toBe(1n)
    expect(platformRoyaltyShare(1n)).toBe(0n)
    expect(organizerRoyaltyShare(3n)).toBe(2n)
    // 10% of a resale at 0.050000000000000010 ETH: 5,000,000,000,000,001 wei of royalty.
    expect(organizerRoyaltyShare(5_000_000_000_000_001n)).toBe(2_500_000_000_000_001n)
    expect(platformRoyaltyShare(5_000_000_000_000_001n)).toBe(2_500_000_000_000_000n)
    expect(organizerRoyaltyShare(4n)).toBe(2n)
    expect(organizerRoyaltyShare(0n)).toBe(0n)
  })

  it('splits every amount into two parts that add up to it', () => {
    for (const value of [0n, 1n, 2n, 7n, 10n ** 18n + 1n, 2n ** 127n - 1n]) {
      expect(organizerRoyaltyShare(value) + platformRoyaltyShare(value)).toBe(value)
      expect(organizerRoyaltyShare(value) - platformRoyaltyShare(value)).toBe(value % 2n)
    }
  })

  it('shows what withdrawRoyalty pays: the ledger not yet withdrawn plus the organizer share of the splitter', () => {
    expect(royaltyWithdrawable({ royaltyCredited: 0n, royaltyWithdrawn: 0n }, 0n)).toBe(0n)
    expect(royaltyWithdrawable({ royaltyCredited: 0n, royaltyWithdrawn: 0n }, 5_000_000_000_000_001n)).toBe(2_500_000_000_000_001n)
    expect(royaltyWithdrawable({ royaltyCredited: 3_000n, royaltyWithdrawn: 1_000n }, 3n)).toBe(2_002n)
    // Everything withdrawn and nothing new: nothing to withdraw.
    expect(royaltyWithdrawable({ royaltyCredited: 3_000n, royaltyWithdrawn: 3_000n }, 0n)).toBe(0n)
  })
})
