import { SelectField } from '@/components/select-field';
import { chooseLanguage, useT } from '@/lib/i18n/i18n';
import { type Language, LANGUAGES, usePreferences } from '@/lib/preferences';

export function LanguageSelect({ className }: { className?: string }) {
  const t = useT();
  const language = usePreferences((state) => state.language);
  return (
    <SelectField
      className={className}
      label={t('shell.language')}
      value={language}
      onChange={(event) => void chooseLanguage(event.target.value as Language)}
      options={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
    />
  );
}
