import { Suspense, lazy, useEffect } from 'react'
import { NavLink, Outlet, ScrollRestoration } from 'react-router'
import { clsx } from 'clsx'
import { hasRole, useSession } from '../lib/auth-store'
import { rememberedConnection, useWalletWanted, walletDemand } from '../lib/wallet-demand'
import { NodeBanner } from './node-banner'

const WalletMenu = lazy(() => import('../lib/wallet/wallet-menu'))

function WalletSlot() {
  const wanted = useWalletWanted()
  useEffect(() => {
    if (wanted || !rememberedConnection()) return
    // Reconnect a wallet from an earlier visit once the page has painted.
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200))
    idle(() => walletDemand.request())
  }, [wanted])
  const placeholder = (
    <button
      type="button"
      onClick={() => walletDemand.request(true)}
      className="min-h-11 rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
    >
      Connect wallet
    </button>
  )
  if (!wanted) return placeholder
  return (
    <Suspense fallback={placeholder}>
      <WalletMenu />
    </Suspense>
  )
}

function Nav() {
  const { session } = useSession()
  const links = [
    { to: '/', label: 'Events', end: true },
    { to: '/tickets', label: 'My tickets' },
    ...(hasRole(session, 'ORGANIZER') ? [{ to: '/organizer', label: 'Organizer' }] : []),
    ...(hasRole(session, 'ADMIN') ? [{ to: '/admin', label: 'Admin' }] : []),
    // Door staff are named per event, not by a role: any signed-in wallet may open the scanner's list.
    ...(session ? [{ to: '/door', label: 'Door' }] : []),
  ]
  return (
    <nav aria-label="Main" className="flex gap-1 overflow-x-auto">
      {links.map((link) => (
        <NavLink
          key={link.to}
          to={link.to}
          end={link.end}
          className={({ isActive }) =>
            clsx(
              'whitespace-nowrap rounded-lg px-2.5 py-2 text-sm font-semibold sm:px-3',
              isActive ? 'bg-brand-50 text-brand-800' : 'text-slate-700 hover:bg-slate-100',
            )
          }
        >
          {link.label}
        </NavLink>
      ))}
    </nav>
  )
}

export function Layout() {
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="relative mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <NavLink to="/" className="flex items-center gap-2 text-lg font-bold text-slate-950">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            Echain
          </NavLink>
          <div className="order-3 w-full sm:order-none sm:w-auto sm:flex-1">
            <Nav />
          </div>
          <div className="ml-auto">
            <WalletSlot />
          </div>
        </div>
      </header>
      <NodeBanner />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
        <Outlet />
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-700">
          Tickets are ERC-721 NFTs on Base. Money waits in escrow until the event has happened; cancelled events are
          refunded in full.
        </div>
      </footer>
      <ScrollRestoration />
    </div>
  )
}
