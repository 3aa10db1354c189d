// DfE's 17 reasons a period of care ceased (Children looked after in England, cla_ceased_by_reason, 'Reason episode
// ceased') onto the model's routes out of care (pathway.cla.routes). A child leaving care aged 18 or over (DfE's
// 'Age on ceasing', 18 years and over) left on its 18th birthday in the model, whatever the reason recorded (most
// are 'Aged 18 (or over) and remained with current carers' or independent living); the mapping is for the children
// who left before 18.
import type { CareRoute } from './schema';

export const CEASED_REASON_ROUTES: Readonly<Record<string, CareRoute>> = {
  'Returned home to live with parents or other person with parental responsibility which was part of the care planning process': 'returnHome',
  'Returned home to live with parents or other person with parental responsibility which was not part of the care planning process': 'returnHome',
  // Relatives without parental responsibility: the child goes back to its family, as returning home does.
  'Left care to live with parents, relatives or other person with no parental responsibility': 'returnHome',
  'Special guardianship order': 'specialGuardianship',
  // A child arrangements order (formerly a residence order) gives a carer parental responsibility, as special guardianship does.
  'Residence order or child arrangement order granted': 'specialGuardianship',
  Adopted: 'adoption',
  'Moved into independent living (with supportive accommodation)': 'other',
  'Moved into independent living (with no formalised support)': 'other',
  'Transferred to residential care funded by adult social services': 'other',
  // Recorded for children leaving at 18 or over, who leave on their birthday here; under 18 it cannot occur.
  'Aged 18 (or over) and remained with current carers': 'other',
  'Age assessment determined child aged 18 or over': 'other',
  'Sentenced to custody': 'other',
  'Accommodation on remand ended': 'other',
  'Care taken by another local authority': 'other',
  'Child moved abroad': 'other',
  Died: 'other',
  'Care ceased for any other reason': 'other',
};
