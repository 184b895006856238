import { describe, expect, it } from 'vitest'
import { formatEth, fromLocalInput, parseEthInput, toLocalInput } from './format'

describe('formatting', () => {
  it('shows ETH amounts without rounding up', () => {
    expect(formatEth('10000000000000000')).toBe('0.01 ETH')
    expect(formatEth(1234567890123456789n)).toBe('1.234567 ETH')
    expect(formatEth('0')).toBe('0 ETH')
    expect(formatEth('1')).toBe('< 0.000001 ETH')
    expect(formatEth(null)).toBe('—')
  })

  it('parses what people type as ETH', () => {
    expect(parseEthInput('0.05')).toBe(50000000000000000n)
    expect(parseEthInput('0,5')).toBe(500000000000000000n)
    expect(parseEthInput('.1')).toBe(100000000000000000n)
    expect(parseEthInput('abc')).toBeNull()
    expect(parseEthInput('-1')).toBeNull()
    expect(parseEthInput('1.0000000000000000001')).toBeNull()
  })

  it('converts datetime-local values in the browser time zone', () => {
    const iso = '2027-03-01T18:00:00.000Z'
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso)
    expect(fromLocalInput('')).toBeNull()
  })
})
