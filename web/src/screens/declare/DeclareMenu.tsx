import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

const FORMS = [
  ['birth', 'nav.declareBirth'],
  ['marriage', 'declare.marriage'],
  ['divorce', 'declare.divorce'],
  ['death', 'declare.death'],
  ['foetal-death', 'declare.foetalDeath'],
  ['annulment', 'declare.annulment'],
] as const;

/** The work queues' "Declare" group: one button per kind, each opening its form at /declare/{kind}. */
export function DeclareMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div role="group" aria-label={t('declare.menu')} className="declare-menu">
      {FORMS.map(([kind, label]) => (
        <button key={kind} type="button" onClick={() => void navigate(`/declare/${kind}`)}>
          {t(label)}
        </button>
      ))}
    </div>
  );
}
