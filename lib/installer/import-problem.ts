/** One finding of the importer, pointing at a 1-based line of the file it was found in. */
export interface ImportProblem {
  file: 'hosts.ini' | 'vars.yml';
  /** 1-based; 0 for the file as a whole (e.g. over an import limit). */
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export type Report = (line: number, severity: ImportProblem['severity'], message: string) => void;

export function reporter(file: ImportProblem['file'], problems: ImportProblem[]): Report {
  return (line, severity, message) => {
    problems.push({ file, line, severity, message });
  };
}
