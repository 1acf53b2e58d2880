import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { DigitsSwitch } from './screens/DigitsSwitch';
import { LanguageSwitch } from './screens/LanguageSwitch';
import { AccessLog } from './screens/AccessLog';
import { Consents } from './screens/Consents';
import { DeclareBirth } from './screens/DeclareBirth';
import { MyRecords } from './screens/MyRecords';
import { QueueList } from './screens/QueueList';
import { RecordView } from './screens/RecordView';
import { SearchPeople } from './screens/SearchPeople';
import { SignIn } from './screens/SignIn';
import { WorkQueues } from './screens/WorkQueues';
import { Activate } from './screens/citizen/Activate';
import { Journal } from './screens/audit/Journal';
import { Integrity } from './screens/audit/Integrity';
import { Users } from './screens/admin/Users';
import { Clients } from './screens/admin/Clients';
import { CheckCertificate } from './screens/check/CheckCertificate';
import { DeclareAnnulment } from './screens/declare/DeclareAnnulment';
import { DeclareDeath } from './screens/declare/DeclareDeath';
import { DeclareDivorce } from './screens/declare/DeclareDivorce';
import { DeclareFoetalDeath } from './screens/declare/DeclareFoetalDeath';
import { DeclareMarriage } from './screens/declare/DeclareMarriage';
import { OutboxPanel } from './screens/declare/OutboxPanel';
import { SignOutButton } from './screens/declare/SignOutButton';
import { useSession } from './session/session';

/** The console's frame: header (language, who is signed in), navigation, and the screen. */
export function App() {
  const { t } = useTranslation();
  const { me, resuming, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  // The next person to sign in starts at their first screen, not on the one the last one left.
  const leave = async () => {
    await signOut();
    void navigate('/', { replace: true });
  };
  const main = useRef<HTMLElement>(null);

  // A new screen moves focus to its heading, so a screen reader announces where the user is.
  useEffect(() => {
    const heading = main.current?.querySelector<HTMLElement>('h1');
    heading?.focus();
  }, [location.pathname, me]);

  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="bar">
        <span className="brand">{t('app.title')}</span>
        <LanguageSwitch />
        <DigitsSwitch />
        <NavLink to="/check" className="check-link">
          {t('people.nav.check')}
        </NavLink>
        {me && (
          <span className="who">
            {t('nav.signedInAs', { role: t(`roles.${me.role}`, me.role), office: me.office })}
            <SignOutButton onSignOut={leave} />
          </span>
        )}
      </header>
      <OutboxPanel />
      {me && (
        <nav aria-label={t('nav.label')} className="nav">
          {me.role === 'citizen' ? (
            <>
              <NavLink to="/me/records">{t('nav.myRecords')}</NavLink>
              <NavLink to="/me/access-log">{t('nav.whoReadMyData')}</NavLink>
              <NavLink to="/me/consents">{t('nav.consents')}</NavLink>
            </>
          ) : me.role === 'admin' || me.role === 'auditor' ? (
            <>
              {me.role === 'admin' && <NavLink to="/admin/users">{t('people.nav.users')}</NavLink>}
              {me.role === 'admin' && <NavLink to="/admin/clients">{t('people.nav.clients')}</NavLink>}
              <NavLink to="/audit" end>
                {t('people.nav.journal')}
              </NavLink>
              <NavLink to="/audit/integrity">{t('people.nav.integrity')}</NavLink>
            </>
          ) : me.role === 'service-clerk' ? (
            <NavLink to="/search">{t('nav.searchPeople')}</NavLink>
          ) : (
            <>
              <NavLink to="/queues">{t('nav.workQueues')}</NavLink>
              <NavLink to="/search">{t('nav.searchPeople')}</NavLink>
            </>
          )}
        </nav>
      )}
      <main id="main" ref={main} tabIndex={-1}>
        {!me ? (
          resuming ? (
            <p role="status">{t('app.loading')}</p>
          ) : (
            <Routes>
              <Route path="/activate" element={<Activate />} />
              <Route path="/check" element={<CheckCertificate />} />
              <Route path="*" element={<SignIn />} />
            </Routes>
          )
        ) : me.role === 'citizen' ? (
          <Routes>
            <Route path="/me/records" element={<MyRecords />} />
            <Route path="/me/access-log" element={<AccessLog />} />
            <Route path="/me/consents" element={<Consents />} />
            <Route path="/check" element={<CheckCertificate />} />
            <Route path="*" element={<Navigate to="/me/records" replace />} />
          </Routes>
        ) : me.role === 'admin' || me.role === 'auditor' ? (
          <Routes>
            {me.role === 'admin' && <Route path="/admin/users" element={<Users />} />}
            {me.role === 'admin' && <Route path="/admin/clients" element={<Clients />} />}
            <Route path="/audit" element={<Journal />} />
            <Route path="/audit/integrity" element={<Integrity />} />
            <Route path="/check" element={<CheckCertificate />} />
            <Route path="*" element={<Navigate to={me.role === 'admin' ? '/admin/users' : '/audit'} replace />} />
          </Routes>
        ) : me.role === 'service-clerk' ? (
          // A community service centre's counter: a citizen looked up by NIN, an activation code (no register work).
          <Routes>
            <Route path="/search" element={<SearchPeople />} />
            <Route path="/check" element={<CheckCertificate />} />
            <Route path="*" element={<Navigate to="/search" replace />} />
          </Routes>
        ) : (
          <Routes>
            <Route path="/queues" element={<WorkQueues />} />
            <Route path="/queues/:queue" element={<QueueList />} />
            <Route path="/declare/birth" element={<DeclareBirth />} />
            <Route path="/declare/marriage" element={<DeclareMarriage />} />
            <Route path="/declare/divorce" element={<DeclareDivorce />} />
            <Route path="/declare/death" element={<DeclareDeath />} />
            <Route path="/declare/foetal-death" element={<DeclareFoetalDeath />} />
            <Route path="/declare/annulment" element={<DeclareAnnulment />} />
            <Route path="/records/:id" element={<RecordView />} />
            <Route path="/search" element={<SearchPeople />} />
            <Route path="/check" element={<CheckCertificate />} />
            <Route path="*" element={<Navigate to="/queues" replace />} />
          </Routes>
        )}
      </main>
    </>
  );
}
