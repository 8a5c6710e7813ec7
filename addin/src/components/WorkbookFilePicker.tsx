import { useId, useState, type DragEvent } from 'react';
import { Label, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

export interface WorkbookFilePickerProps {
  onFile(file: File): void;
  disabled?: boolean;
}

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  over: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hint: { color: tokens.colorNeutralForeground2, margin: 0 },
  input: { maxWidth: '100%' },
});

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Opening a workbook from disk: the browser's file picker (keyboard) or a file dropped on the zone. */
export function WorkbookFilePicker({ onFile, disabled }: WorkbookFilePickerProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const id = useId();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      className={mergeClasses(styles.zone, over && styles.over)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="drop-zone"
    >
      <Label htmlFor={id} weight="semibold">
        {t('webOpenFile')}
      </Label>
      <input
        id={id}
        className={styles.input}
        type="file"
        accept={XLSX_ACCEPT}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          // The same file may be opened again after changes on disk.
          e.target.value = '';
        }}
      />
      <p className={styles.hint}>{t('webDropHint')}</p>
    </div>
  );
}
