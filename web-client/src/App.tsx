import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { useSession, useSignOut } from './api/queries';
import { Spinner } from './components/Status';
import { NotFound } from './components/NotFound';
import { DEFAULT_LAYOUT, galleryPath } from './lib/layouts';
import { SiteSearch } from './search/SiteSearch';

// Each page in a script of its own, fetched as it is opened. The share page's usual way in is share.html (an entry
// without the router, see share-main.tsx); this route serves it when the app itself navigates there.
const AuthPage = lazy(() => import('./pages/AuthPage').then((module) => ({ default: module.AuthPage })));
const GalleryPage = lazy(() => import('./pages/GalleryPage').then((module) => ({ default: module.GalleryPage })));
const HomePage = lazy(() => import('./pages/HomePage').then((module) => ({ default: module.HomePage })));
const SharePage = lazy(() => import('./sharing/SharePage').then((module) => ({ default: module.SharePage })));
const DuplicatesPage = lazy(() =>
  import('./duplicates/DuplicatesPage').then((module) => ({ default: module.DuplicatesPage })),
);
const LightboxRoute = lazy(() => import('./pages/LightboxRoute').then((module) => ({ default: module.LightboxRoute })));

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      <ScrollToTop />
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/signin" element={<AuthPage mode="signin" />} />
          <Route path="/signup" element={<AuthPage mode="signup" />} />
          <Route path="/galleries/:galleryId" element={<DefaultLayoutRedirect />} />
          {/* a static segment: ranked before the layout's */}
          <Route path="/galleries/:galleryId/duplicates" element={<DuplicatesPage />} />
          <Route path="/galleries/:galleryId/:layout" element={<GalleryPage />}>
            <Route path="images/:imageId" element={<LightboxRoute />} />
          </Route>
          <Route path="/s/:token" element={<SharedRoute />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </>
  );
}

function PageLoading() {
  return (
    <main className="page" id="main">
      <Spinner label="Loading" />
    </main>
  );
}

function SharedRoute() {
  const { token = '' } = useParams();
  return <SharePage token={token} />;
}

function DefaultLayoutRedirect() {
  const { galleryId } = useParams();
  return <Navigate to={galleryPath(galleryId!, DEFAULT_LAYOUT)} replace />;
}

/** A new page starts at the top; switching layouts or opening an image keeps the place. */
function ScrollToTop() {
  const { pathname } = useLocation();
  const page =
    pathname.startsWith('/galleries/') && !pathname.endsWith('/duplicates')
      ? pathname.split('/').slice(0, 3).join('/')
      : pathname;
  const previous = useRef(page);
  useEffect(() => {
    if (previous.current !== page) window.scrollTo(0, 0);
    previous.current = page;
  }, [page]);
  return null;
}

function SiteHeader() {
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const account = session.data;
  const next = location.pathname.startsWith('/sign') ? undefined : location.pathname;
  const withNext = (path: string) => (next && next !== '/' ? `${path}?next=${encodeURIComponent(next)}` : path);
  return (
    <header className="site-header">
      <Link to="/" className="brand" aria-label="Vitrine, home">
        <span className="brand-mark" aria-hidden="true" />
        Vitrine
      </Link>
      {/* the share page is for people outside Vitrine: nothing to search there */}
      {!location.pathname.startsWith('/s/') && <SiteSearch />}
      <nav className="site-nav" aria-label="Account">
        {session.isPending ? null : account ? (
          <>
            <span className="who" title="Signed in">
              <span className="avatar" aria-hidden="true">
                {account.username.slice(0, 1).toUpperCase()}
              </span>
              <span className="who-name">{account.username}</span>
            </span>
            <button
              type="button"
              className="button button--quiet"
              disabled={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/') })}
            >
              Sign out
            </button>
          </>
        ) : (
          <>
            <NavLink className="button button--quiet" to={withNext('/signin')}>
              Sign in
            </NavLink>
            <NavLink className="button button--primary" to={withNext('/signup')}>
              Sign up
            </NavLink>
          </>
        )}
      </nav>
    </header>
  );
}
